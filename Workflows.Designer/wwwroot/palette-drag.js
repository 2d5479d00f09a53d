// Dragging an activity from the palette onto the canvas. Blazor handles the drag and the drop; this
// only gives the drag some data, without which Firefox does not start it at all.
document.addEventListener("dragstart", event => {
  const item = event.target instanceof Element ? event.target.closest(".palette-item") : null;
  if (!item || !event.dataTransfer) return;
  event.dataTransfer.setData("text/plain", item.dataset.type ?? "");
  event.dataTransfer.effectAllowed = "copy";
});
