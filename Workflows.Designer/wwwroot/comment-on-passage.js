// The advisor's comment page (/consultations/{id}) works without JavaScript: choose the paragraph,
// copy the quoted words by hand. With JavaScript, each paragraph gets a "Comment on paragraph N"
// button that fills both in from what the reader selected. The buttons are made here only, so a page
// without JavaScript has no buttons that do nothing. No library: a few DOM calls are enough.
(() => {
    'use strict';

    // The selection when the button was pressed: the click that follows moves focus and may collapse it.
    let pressed = null;

    // Listeners sit on the document, so they outlive Blazor's enhanced navigation replacing the page's elements.
    document.addEventListener('pointerdown', event => {
        const button = event.target.closest?.('button.comment-on-paragraph');
        pressed = button ? { button, text: selectedTextIn(button) } : null;
    });

    // A click is also what Enter and Space on a focused button send: one path for mouse and keyboard.
    document.addEventListener('click', event => {
        const button = event.target.closest?.('button.comment-on-paragraph');
        if (!button) return;
        const text = pressed?.button === button ? pressed.text : selectedTextIn(button);
        pressed = null;
        fill(Number(button.dataset.paragraph), text);
    });

    function fields() {
        const paragraph = document.querySelector('.comment-form select#paragraph');
        const quote = document.getElementById('quote');
        const text = document.getElementById('text');
        return paragraph && quote && text ? { paragraph, quote, text } : null;
    }

    // Only while the form is there: a closed consultation shows the draft without a form.
    function enhance() {
        const form = fields();
        if (!form) return;
        for (const section of document.querySelectorAll('.draft section.paragraph[id^="p"]')) {
            if (section.querySelector('button.comment-on-paragraph')) continue; // already enhanced
            const number = section.id.slice(1);
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'comment-on-paragraph';
            button.dataset.paragraph = number;
            button.textContent = `Comment on paragraph ${number}`;
            section.append(button);
        }
        // Made before anything is said into it: screen readers announce changes to a live region they already know.
        if (!document.getElementById('comment-announcer')) {
            const announcer = document.createElement('p');
            announcer.id = 'comment-announcer';
            announcer.className = 'visually-hidden';
            announcer.setAttribute('aria-live', 'polite');
            form.text.form.before(announcer);
        }
    }

    // The part of the selection inside this button's paragraph, whitespace as single spaces; '' when none.
    function selectedTextIn(button) {
        const container = button.closest('section.paragraph')?.querySelector('.paragraph-text');
        const selection = window.getSelection();
        if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
        const range = selection.getRangeAt(0).cloneRange();
        if (!range.intersectsNode(container)) return '';
        // A selection running past the paragraph (a triple click does) keeps only this paragraph's part.
        const whole = document.createRange();
        whole.selectNodeContents(container);
        if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0) range.setStart(whole.startContainer, whole.startOffset);
        if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) range.setEnd(whole.endContainer, whole.endOffset);
        return range.toString().replace(/\s+/g, ' ').trim();
    }

    function fill(number, selected) {
        const form = fields();
        if (!form || !number) return;
        form.paragraph.value = String(number);
        form.paragraph.dispatchEvent(new Event('change', { bubbles: true }));
        let said = `Paragraph ${number} chosen.`;
        if (selected) {
            form.quote.value = selected;
            form.quote.dataset.filled = selected;
            said += ` Quoted passage: ${selected}`;
        } else if (form.quote.value && form.quote.value === form.quote.dataset.filled) {
            // A quote this script took from another paragraph would be refused for this one; a typed quote stays.
            form.quote.value = '';
            delete form.quote.dataset.filled;
            said += ' Quoted passage cleared.';
        }
        form.text.focus();
        announce(said);
    }

    function announce(message) {
        const announcer = document.getElementById('comment-announcer');
        if (!announcer) return;
        // Emptied first, so the same words said twice are announced twice.
        announcer.textContent = '';
        setTimeout(() => { announcer.textContent = message; }, 50);
    }

    enhance();
    // Enhanced navigation and form posts patch the page in place: enhance what arrived.
    window.Blazor?.addEventListener?.('enhancedload', enhance);
})();
