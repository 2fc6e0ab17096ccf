//! The command-line interface: clap definitions, and [`parse`], which records where
//! each global option came from (flag or variable) and which global flags were typed,
//! so that printed resume commands can repeat them. No other logic.
//!
//! May use `config` (variable names), `api` and `slb` (value types of flags),
//! `output` (formats) and the leaves.
//!
//! House rules (after xh): every short flag is spelled out with `short = 'x'`, every
//! option that takes a value has an uppercase `value_name`, global options are marked
//! `global = true` so they work before or after the subcommand, and environment
//! fallbacks use `env = "…"` so `--help` shows them. No flag ever takes a secret.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::api::endpoint::EndpointType;
use crate::config::vars;
pub(crate) use crate::output::OutputFormat;
use crate::slb::ids::ServerType;
pub(crate) use crate::slb::server_groups::LbProduct;
use crate::slb::server_groups::members::MemberType;

#[derive(Debug, Parser)]
#[command(
    name = "slbctl",
    version,
    long_version = long_version(),
    about = "Manage the backends of Alibaba Cloud load balancers (CLB, ALB, NLB), safely and scriptably",
    after_help = "Credentials: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, \
                  and ALIBABA_CLOUD_SECURITY_TOKEN for STS), OIDC variables, a profile (slbctl's config file, \
                  the aliyun CLI's config.json, ~/.alibabacloud/credentials.ini), the ECS instance's RAM role, \
                  or ALIBABA_CLOUD_CREDENTIALS_URI; `slbctl config show` says which is used.\n\
                  Exit codes: 0 ok, 2 usage, 3 configuration, 4 API error or failed verification, \
                  5 network or response, 6 partial (some batches done), 7 refused by a guard, 8 a wait timed out, 1 unexpected."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// `slbctl --version`: `slbctl X.Y.Z` first (scripts read it), then the target triple
/// and, where known, the git commit (build.rs).
fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| env!("SLBCTL_LONG_VERSION").replace("\\n", "\n"))
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile to use from the config file.
    #[arg(long, global = true, value_name = "NAME", env = vars::ENV_SLBCTL_PROFILE)]
    pub profile: Option<String>,

    /// Config file [default: ~/.config/slbctl/config.toml].
    #[arg(long, global = true, value_name = "PATH", env = vars::ENV_CONFIG)]
    pub config: Option<PathBuf>,

    /// Region of the load balancer, e.g. cn-hangzhou.
    #[arg(long, global = true, value_name = "REGION", env = vars::ENV_REGION)]
    pub region: Option<String>,

    /// API endpoint URL, overriding the one derived from the region, for the product
    /// the command addresses (the variable is CLB's; ALB and NLB read
    /// SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT).
    #[arg(long, global = true, value_name = "URL", env = vars::ENV_ENDPOINT)]
    pub endpoint: Option<String>,

    /// Reach the API over the public internet or from inside a VPC.
    #[arg(
        long,
        global = true,
        value_name = "TYPE",
        value_enum,
        ignore_case = true,
        env = vars::ENV_ENDPOINT_TYPE
    )]
    pub endpoint_type: Option<EndpointType>,

    /// PEM bundle of extra trusted CA certificates, added to the built-in roots (also
    /// read from SSL_CERT_FILE).
    #[arg(long, global = true, value_name = "PATH", env = vars::ENV_CA_BUNDLE)]
    pub ca_bundle: Option<PathBuf>,

    /// Record every change call as JSON lines in this file (created 0600; see README
    /// "Audit log"); a log that cannot be written stops the command (exit 3).
    #[arg(long, global = true, value_name = "PATH", env = vars::ENV_AUDIT_LOG)]
    pub audit_log: Option<PathBuf>,

    /// Attempts after the first for failures that are safe to retry (0 disables).
    #[arg(long, global = true, value_name = "N", env = vars::ENV_RETRIES, default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// Time limit of one attempt, in seconds.
    #[arg(long, global = true, value_name = "SECS", env = vars::ENV_TIMEOUT, default_value_t = 20,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,

    /// How long to wait out "busy" answers (the load balancer is applying another
    /// change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves
    /// them to --retries.
    #[arg(long, global = true, value_name = "SECS", env = vars::ENV_BUSY_TIMEOUT, default_value_t = 120,
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    pub busy_timeout: u64,

    /// Time limit to connect (TCP and TLS), in seconds.
    #[arg(long, global = true, value_name = "SECS", default_value_t = 5,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub connect_timeout: u64,

    /// Do not read or write the credential cache (temporary credentials are fetched
    /// afresh, and not kept).
    #[arg(long, global = true, env = vars::ENV_NO_CREDENTIAL_CACHE, value_parser = clap::builder::FalseyValueParser::new())]
    pub no_credential_cache: bool,

    /// Say what is being done, on stderr (repeat for more). Never shows secrets.
    #[arg(short = 'v', long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print nothing on stdout on success; errors still go to stderr.
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    /// Output format.
    #[arg(short = 'o', long, global = true, value_name = "FORMAT", value_enum, default_value_t = OutputFormat::Table)]
    pub output: OutputFormat,

    /// Which global options came from their environment variable, and the global
    /// flags as given on the command line (filled in by [`parse`]).
    #[arg(skip)]
    pub origin: GlobalOrigin,
}

/// Where the global options' values came from, recorded from clap's matches for every
/// global argument, so an option added later is covered without a change here.
#[derive(Debug, Clone, Default)]
pub struct GlobalOrigin {
    /// Ids (clap's, e.g. `endpoint_type`) of global options whose value came from their
    /// environment variable.
    from_env: Vec<String>,
    /// Ids of global options given on the command line.
    from_flags: Vec<String>,
    /// The global flags given on the command line, each as `--long` (repeated for a
    /// count) followed by its value, in clap's order of definition.
    command_line: Vec<String>,
}

impl GlobalArgs {
    /// Whether progress (bars, wait lines, countdowns) may go to stderr: not with
    /// `--output json`, whose stderr is for a JSON error only.
    pub fn shows_progress(&self) -> bool {
        self.output != OutputFormat::Json
    }
}

impl GlobalOrigin {
    /// Whether the option with this clap id got its value from its environment variable.
    pub fn is_env(&self, id: &str) -> bool {
        self.from_env.iter().any(|e| e == id)
    }

    /// Whether the option was given at all (flag or variable), not left at its default.
    pub fn is_given(&self, id: &str) -> bool {
        self.is_env(id) || self.from_flags.iter().any(|f| f == id)
    }

    /// The global flags as given, to repeat them in a printed command. Options that came
    /// from the environment are left out: they are still in the environment.
    pub fn command_line(&self) -> &[String] {
        &self.command_line
    }
}

/// Parse the process's arguments, recording where each sourced option came from.
///
/// Call it first thing in `main`, while the process has a single thread: it unsets
/// environment variables that clap would read but that are set to the empty string.
/// Scripts write `export SLBCTL_CONFIG=` to mean "unset"; clap would take it as an
/// empty value and fail.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    let empty: Vec<_> = env_names(&command)
        .into_iter()
        .filter(|n| std::env::var_os(n).is_some_and(|v| v.is_empty()))
        .collect();
    if !empty.is_empty() {
        for name in &empty {
            // SAFETY: called at the start of main, before any other thread exists, so
            // nothing can read the environment concurrently.
            unsafe { std::env::remove_var(name) };
        }
        // clap reads an argument's environment variable when the argument is built, so
        // the command must be built again without the empty values.
        command = Cli::command();
    }
    let matches = command.try_get_matches_from_mut(std::env::args_os())?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    cli.global.origin = global_origin(&command, &matches);
    Ok(cli)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work with the backend servers of a load balancer: a CLB's default server group or
    /// a vServer group (--vserver-group), an ALB or NLB server group (--server-group).
    #[command(subcommand)]
    Backends(BackendsCommand),

    /// The server groups of a load balancer (CLB: the default group and vServer groups;
    /// ALB/NLB: the server groups its listeners and rules use).
    #[command(subcommand)]
    Groups(GroupsCommand),

    /// Take servers out of every load balancer and group that holds them, and put them
    /// back exactly as they were (a state file remembers).
    #[command(subcommand)]
    Standby(StandbyCommand),

    /// Write or update a profile in the slbctl config file (asks for the access key id,
    /// the secret without echo, and the region; reads them from stdin, one per line,
    /// when stdin is not a terminal).
    Configure,

    /// Show the resolved settings and the profiles slbctl can see.
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell to complete for.
        #[arg(value_name = "SHELL", value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or
    /// write every page with --dir.
    Man {
        /// Write every page (slbctl.1, slbctl-backends-remove.1, …) into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,

        /// The command whose page to print [default: slbctl's own].
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// The resolved profile, region, endpoint and credentials, each with its source;
    /// temporary credentials are obtained (from the cache, or fetched and cached) to
    /// say when they expire. Never prints a secret.
    Show,
    /// The profiles in the slbctl config file and in the aliyun CLI's config.json.
    List,
    /// Delete every temporary credential slbctl has cached.
    ClearCache,
}

#[derive(Debug, Subcommand)]
pub enum BackendsCommand {
    /// List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB
    /// ListServerGroupServers of each group it uses).
    List(ListArgs),
    /// Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB
    /// RemoveServersFromServerGroup, waiting for its job).
    Remove(RemoveArgs),
    /// Add servers that are not members yet (CLB AddBackendServers; ALB/NLB
    /// AddServersToServerGroup); a member is left at its weight (use set-weight).
    Add(AddArgs),
    /// Set the weight of member servers (CLB SetBackendServers; ALB/NLB
    /// UpdateServerGroupServersAttribute); weight 0 drains a server.
    SetWeight(SetWeightArgs),
    /// Wait until servers are healthy, removed or drained, polling the load balancer, or
    /// (ALB/NLB) until jobs end; exit 8 when the time runs out.
    Wait(WaitArgs),
}

/// What `backends wait` waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Until {
    /// Every server `normal` on every listener that serves it (DescribeHealthStatus).
    Healthy,
    /// No server a member any more (DescribeLoadBalancerAttribute catches up).
    Removed,
    /// Every server a member at weight 0, on two consecutive polls.
    Drained,
}

#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB).
    #[arg(long, value_name = "LB_ID", required_unless_present = "product")]
    pub lb: Option<String>,

    /// The product, where no --lb names it.
    #[arg(long, value_name = "PRODUCT", value_enum)]
    pub product: Option<LbProduct>,

    /// The ALB/NLB server group (for CLB, another name of --vserver-group).
    #[arg(long, value_name = "GROUP_ID", conflicts_with = "vserver_group")]
    pub server_group: Option<String>,

    /// The condition to wait for.
    #[arg(long, value_name = "CONDITION", value_enum, required_unless_present = "jobs")]
    pub until: Option<Until>,

    /// ALB/NLB: wait for these jobs instead (repeat): exit 0 when all succeeded, 4 when
    /// one failed, 8 on timeout.
    #[arg(long = "job", value_name = "JOB_ID", conflicts_with = "until")]
    pub jobs: Vec<String>,

    /// ALB/NLB: give up on a job after this many seconds [default: 300, or the group's
    /// connection-drain timeout + 60 if longer].
    #[arg(long, value_name = "SECS", env = vars::ENV_JOB_TIMEOUT,
          value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub job_timeout: Option<u64>,

    #[command(flatten)]
    pub timing: WaitTiming,

    /// Only this listener's health (`80`, or `80/http` where several share the port).
    #[arg(long, value_name = "PORT[/PROTOCOL]")]
    pub listener: Option<String>,

    /// Members of this vServer group (`ID:PORT`; a bare ID is every port of it) for
    /// `removed` and `drained`; for `healthy`, `ID:PORT` narrows health to that port.
    #[arg(long, value_name = "GROUP_ID")]
    pub vserver_group: Option<String>,

    /// Read server ids from a file, as for the other backend commands.
    #[arg(long, value_name = "PATH", conflicts_with = "servers")]
    pub from_file: Option<PathBuf>,

    /// Servers to wait for; `-` alone reads them from stdin.
    #[arg(value_name = "SERVER_ID", required_unless_present_any = ["from_file", "jobs"])]
    pub servers: Vec<String>,
}

/// How long a wait may take and how often it polls.
#[derive(Debug, Args)]
pub struct WaitTiming {
    /// Give up after this many seconds (exit 8). (The global --timeout is the limit of
    /// one HTTP attempt.)
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub wait_timeout: u64,

    /// Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s].
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub interval: Option<u64>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB).
    #[arg(long, value_name = "LB_ID", required_unless_present = "product")]
    pub lb: Option<String>,

    /// The product, where no --lb names it.
    #[arg(long, value_name = "PRODUCT", value_enum)]
    pub product: Option<LbProduct>,

    /// List this vServer group's members instead of the default server group's.
    #[arg(long, value_name = "GROUP_ID")]
    pub vserver_group: Option<String>,

    /// ALB/NLB: list this server group only [default: every group the load balancer
    /// uses]; for CLB, another name of --vserver-group.
    #[arg(long, value_name = "GROUP_ID", conflicts_with = "vserver_group")]
    pub server_group: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum StandbyCommand {
    /// Find every membership of the servers in the region (CLB default and vServer
    /// groups, ALB and NLB server groups), record it in a state file, then take them out
    /// (optionally draining first).
    Enter(StandbyEnterArgs),
    /// Put recorded memberships back with their ports, weights, types and addresses, and
    /// restore the weights slbctl drained; the state file is removed when everything is back.
    Exit(StandbyExitArgs),
    /// The recorded memberships, each with its live state and what exit would do.
    Show(StandbyShowArgs),
}

#[derive(Debug, Args)]
pub struct StandbyEnterArgs {
    /// Only these load balancers (repeat); by default every one in the region.
    #[arg(long = "lb", value_name = "LB_ID")]
    pub lbs: Vec<String>,

    /// Set the weights to 0 first, wait this many seconds, then remove.
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(0..=86400))]
    pub drain: Option<u64>,

    /// Refuse (exit 7, nothing changed) if any group would keep fewer than N members.
    #[arg(long, value_name = "N")]
    pub min_remaining: Option<u32>,

    /// Refuse (exit 7, nothing changed) if any group would keep fewer than N members
    /// that are `normal` on every listener.
    #[arg(long, value_name = "N")]
    pub min_healthy: Option<u32>,

    /// One state file for every server given [default: one per server under the user
    /// state directory].
    #[arg(long, value_name = "PATH")]
    pub state_file: Option<PathBuf>,

    /// Discover and print the plan; change and record nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Discovery calls in flight at once.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub concurrency: u8,

    /// Fewer calls: CLB's DescribeLoadBalancers ServerId filter (which sees default
    /// groups only), and ALB/NLB's group-less ListServerGroupServers query (what it
    /// searches is unconfirmed).
    #[arg(long)]
    pub fast: bool,

    /// The products to look in (comma-separated).
    #[arg(long, value_name = "PRODUCTS", value_enum, value_delimiter = ',', default_values_t = [LbProduct::Clb, LbProduct::Alb, LbProduct::Nlb])]
    pub products: Vec<LbProduct>,

    /// The servers: ECS, ENI or ECI ids, `ID@IP` to find members registered by address
    /// (ALB/NLB Ip groups) too, or an address alone; `-` alone reads them from stdin.
    #[arg(value_name = "SERVER_ID", required = true)]
    pub servers: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StandbyExitArgs {
    /// The state file to act on [default: each server's, or every one of the region].
    #[arg(long, value_name = "PATH")]
    pub state_file: Option<PathBuf>,

    /// Then wait until the servers are `normal` on every listener (exit 8 on timeout).
    #[arg(long)]
    pub wait_healthy: bool,

    #[command(flatten)]
    pub timing: WaitTiming,

    /// Print the plan; change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// The products to look in when a server has no record (comma-separated).
    #[arg(long, value_name = "PRODUCTS", value_enum, value_delimiter = ',', default_values_t = [LbProduct::Clb, LbProduct::Alb, LbProduct::Nlb])]
    pub products: Vec<LbProduct>,

    /// Discovery calls in flight at once (when a server has no record).
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub concurrency: u8,

    /// The servers [default: every server in standby in the region]; `-` alone reads
    /// them from stdin.
    #[arg(value_name = "SERVER_ID")]
    pub servers: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StandbyShowArgs {
    /// The state file to show [default: each server's, or every one of the region].
    #[arg(long, value_name = "PATH")]
    pub state_file: Option<PathBuf>,

    /// The servers [default: every server in standby in the region].
    #[arg(value_name = "SERVER_ID")]
    pub servers: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// The default server group and every vServer group of a load balancer, with the
    /// listeners that use them and their member counts.
    List(GroupsListArgs),
}

#[derive(Debug, Args)]
pub struct GroupsListArgs {
    /// The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB).
    #[arg(long, value_name = "LB_ID")]
    pub lb: String,
}

/// The servers a backend command works on, and how to send them.
#[derive(Debug, Clone, Args)]
pub struct ServerSelection {
    /// The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product
    /// (lb- CLB, alb- ALB, nlb- NLB).
    #[arg(long, value_name = "LB_ID", required_unless_present = "product")]
    pub lb: Option<String>,

    /// The product, where no --lb names it (e.g. --product nlb --server-group sgp-…);
    /// one that contradicts --lb is a usage error.
    #[arg(long, value_name = "PRODUCT", value_enum)]
    pub product: Option<LbProduct>,

    /// The ALB/NLB server group (sgp-…) [default: the one group the load balancer's
    /// listeners use]; for CLB, another name of --vserver-group.
    #[arg(long, value_name = "GROUP_ID", conflicts_with = "vserver_group")]
    pub server_group: Option<String>,

    /// Work on this vServer group instead of the load balancer's default server group.
    /// Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a
    /// bare `ID` means every port of that server in the group (remove, set-weight).
    #[arg(long, value_name = "GROUP_ID")]
    pub vserver_group: Option<String>,

    /// The backend port of every server given without one (vServer and server groups;
    /// 0 only on NLB, for any-port groups).
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,

    /// Backend type of every server; by default inferred from each id (eni- → eni,
    /// eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only.
    #[arg(long = "type", value_name = "TYPE", value_enum)]
    pub server_type: Option<MemberType>,

    /// Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as
    /// consecutive calls within the limit, in order.
    #[arg(long)]
    pub batch: bool,

    /// ALB/NLB: return once each change is accepted, printing its JobId (with --batch,
    /// every job but the last is still awaited); not with --drain or --wait-healthy.
    #[arg(long)]
    pub no_wait: bool,

    /// ALB/NLB: give up on a job after this many seconds (exit 8; the job may still
    /// complete) [default: 300, or the group's connection-drain timeout + 60 if longer].
    #[arg(long, value_name = "SECS", env = vars::ENV_JOB_TIMEOUT,
          value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub job_timeout: Option<u64>,

    /// Validate, resolve and sign, print the request, and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Read server ids from a file: whitespace- or newline-separated, `#` comments and
    /// blank lines ignored.
    #[arg(long, value_name = "PATH", conflicts_with = "servers")]
    pub from_file: Option<PathBuf>,

    /// Servers: ID, ID:PORT, ID:PORT@IP, an IP address (IPv6 as [ADDR]:PORT), or a
    /// function ARN (ALB); more than one call takes only with --batch; `-` alone reads
    /// them from stdin like --from-file.
    #[arg(value_name = "SERVER_ID", required_unless_present = "from_file")]
    pub servers: Vec<String>,
}

impl ServerSelection {
    /// The `--lb` id, or empty where only `--product` was given (CLB refuses that
    /// before this is read).
    pub fn lb_id(&self) -> &str {
        self.lb.as_deref().unwrap_or("")
    }

    /// `--type` as CLB knows it (ip and fc are refused for CLB before this is read).
    pub fn clb_type(&self) -> Option<ServerType> {
        match self.server_type? {
            MemberType::Ecs => Some(ServerType::Ecs),
            MemberType::Eni => Some(ServerType::Eni),
            MemberType::Eci => Some(ServerType::Eci),
            MemberType::Ip | MemberType::Fc => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[command(flatten)]
    pub selection: ServerSelection,

    /// Read the backends before and after, and report per server: removed, not_member
    /// (was not in the group), or still_present (a failure, exit 4).
    #[arg(long)]
    pub verify: bool,

    /// Like --verify, and a server that was not a member is an error too (exit 4), so a
    /// typo fails the pipeline.
    #[arg(long)]
    pub strict: bool,

    /// Refuse (exit 7, nothing removed) if fewer than N backends would remain.
    #[arg(long, value_name = "N")]
    pub min_remaining: Option<u32>,

    /// Set the servers' weight to 0 first, wait this many seconds for connections to
    /// drain, then remove them.
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(0..=86400))]
    pub drain: Option<u64>,

    /// Refuse (exit 7, nothing changed) if fewer than N members that are `normal` on
    /// every listener would remain (read before draining or removing).
    #[arg(long, value_name = "N")]
    pub min_healthy: Option<u32>,

    /// With --verify/--strict: how long to wait for the load balancer's description to
    /// show the removal (it is eventually consistent) before calling a server
    /// still_present.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub wait_timeout: u64,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub selection: ServerSelection,

    /// Weight of the added servers, 0 to 100 [default: 100] (not for functions).
    #[arg(long, value_name = "WEIGHT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub weight: Option<u8>,

    /// Then wait until the servers are `normal` on every listener (exit 8 on timeout).
    #[arg(long)]
    pub wait_healthy: bool,

    #[command(flatten)]
    pub timing: WaitTiming,

    /// A server that is already a member is an error (exit 4), after the others are added.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct SetWeightArgs {
    #[command(flatten)]
    pub selection: ServerSelection,

    /// The new weight, 0 to 100 (0 stops new connections).
    #[arg(long, value_name = "WEIGHT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub weight: u8,

    /// Then wait until the servers are `normal` on every listener (exit 8 on timeout);
    /// not with weight 0.
    #[arg(long)]
    pub wait_healthy: bool,

    #[command(flatten)]
    pub timing: WaitTiming,

    /// Check the weights in the answer after the change (exit 4 when one is not set).
    #[arg(long)]
    pub verify: bool,

    /// Like --verify, and a server that is not a member is an error too (exit 4).
    #[arg(long)]
    pub strict: bool,
}

/// Where each global option came from. Global options may be matched at any level of
/// subcommand; the deepest match wins, as it does for the value clap returns.
pub(crate) fn global_origin(command: &clap::Command, matches: &clap::ArgMatches) -> GlobalOrigin {
    use clap::parser::ValueSource;
    let mut origin = GlobalOrigin::default();
    for arg in command.get_arguments().filter(|a| a.is_global_set()) {
        let id = arg.get_id().as_str();
        let Some(long) = arg.get_long() else { continue };
        let mut level = Some(matches);
        let mut found: Option<&clap::ArgMatches> = None;
        while let Some(m) = level {
            if matches!(m.value_source(id), Some(ValueSource::CommandLine | ValueSource::EnvVariable)) {
                found = Some(m);
            }
            level = m.subcommand().map(|(_, sub)| sub);
        }
        let Some(m) = found else { continue };
        if m.value_source(id) == Some(ValueSource::EnvVariable) {
            origin.from_env.push(id.to_owned());
            continue;
        }
        origin.from_flags.push(id.to_owned());
        let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values())
            && !matches!(arg.get_action(), clap::ArgAction::SetTrue | clap::ArgAction::Count);
        if takes_value {
            for value in m.get_raw(id).into_iter().flatten() {
                origin.command_line.push(format!("--{long}"));
                origin.command_line.push(value.to_string_lossy().into_owned());
            }
        } else if matches!(arg.get_action(), clap::ArgAction::Count) {
            let times = m.get_count(id);
            origin.command_line.extend((0..times).map(|_| format!("--{long}")));
        } else {
            origin.command_line.push(format!("--{long}"));
        }
    }
    origin
}

/// Every environment variable an argument of `command` (or of its subcommands) reads.
fn env_names(command: &clap::Command) -> Vec<std::ffi::OsString> {
    let mut names: Vec<std::ffi::OsString> =
        command.get_arguments().filter_map(|a| a.get_env().map(|e| e.to_os_string())).collect();
    for sub in command.get_subcommands() {
        names.extend(env_names(sub));
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_environment_fallback_is_found() {
        let names = env_names(&Cli::command());
        for name in ["SLBCTL_CONFIG", "SLBCTL_RETRIES", "ALIBABA_CLOUD_ENDPOINT_TYPE", "SLBCTL_CA_BUNDLE"] {
            assert!(names.iter().any(|n| n == name), "{name} missing from {names:?}");
        }
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_work_after_the_subcommand() {
        let cli = Cli::try_parse_from([
            "slbctl",
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "i-a",
            "--region",
            "cn-beijing",
            "--output",
            "json",
        ])
        .unwrap();
        assert_eq!(cli.global.region.as_deref(), Some("cn-beijing"));
        assert_eq!(cli.global.output, OutputFormat::Json);
    }
}
