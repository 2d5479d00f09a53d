using FocWorkflows.Server.Tests.Api;
using FocWorkflows.Server.Tests.Deliberation.Approvals;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Deliberation.Workflows;
using FocWorkflows.Server.Tests.Engine;

namespace FocWorkflows.Server.Tests.Persistence.PostgreSql;

// The production database is PostgreSQL: these suites run the same tests as on SQLite against a real
// PostgreSQL server (a throw-away cluster, see PostgresServer), with its own migrations. Each is the
// PostgreSQL twin of a DatabaseSuite, with the same app options (e.g. the standard workflows).

public sealed class PostgresControlActivitiesTests : ControlActivitiesTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresConcurrencyTests : ConcurrencyTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresBurstAtomicityTests : BurstAtomicityTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresJointStatementTests : JointStatementTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresCommentConcurrencyTests : CommentConcurrencyTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresConcurrentResponsesTests : ConcurrentResponsesTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresTimerStarvationTests : TimerStarvationTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresJournalApiTests : JournalApiTests
{
    protected override bool OnPostgres => true;
}

public sealed class PostgresAdvisorLinkRevocationTests : AdvisorLinkRevocationTests
{
    protected override bool OnPostgres => true;
}
