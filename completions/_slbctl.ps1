
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'slbctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'slbctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'slbctl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backends', 'backends', [CompletionResultType]::ParameterValue, 'Work with the backend servers of a load balancer: a CLB''s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)')
            [CompletionResult]::new('standby', 'standby', [CompletionResultType]::ParameterValue, 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings and the profiles slbctl can see')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (see the README for where to put it)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;backends' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)')
            [CompletionResult]::new('set-weight', 'set-weight', [CompletionResultType]::ParameterValue, 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;backends;list' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product, where no --lb names it')
            [CompletionResult]::new('--vserver-group', '--vserver-group', [CompletionResultType]::ParameterName, 'List this vServer group''s members instead of the default server group''s')
            [CompletionResult]::new('--server-group', '--server-group', [CompletionResultType]::ParameterName, 'ALB/NLB: list this server group only [default: every group the load balancer uses]; for CLB, another name of --vserver-group')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;backends;remove' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error')
            [CompletionResult]::new('--server-group', '--server-group', [CompletionResultType]::ParameterName, 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group')
            [CompletionResult]::new('--vserver-group', '--vserver-group', [CompletionResultType]::ParameterName, 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only')
            [CompletionResult]::new('--job-timeout', '--job-timeout', [CompletionResultType]::ParameterName, 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored')
            [CompletionResult]::new('--min-remaining', '--min-remaining', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing removed) if fewer than N backends would remain')
            [CompletionResult]::new('--drain', '--drain', [CompletionResultType]::ParameterName, 'Set the servers'' weight to 0 first, wait this many seconds for connections to drain, then remove them')
            [CompletionResult]::new('--min-healthy', '--min-healthy', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing changed) if fewer than N members that are `normal` on every listener would remain (read before draining or removing)')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'With --verify/--strict: how long to wait for the load balancer''s description to show the removal (it is eventually consistent) before calling a server still_present')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, resolve and sign, print the request, and send nothing')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Read the backends before and after, and report per server: removed, not_member (was not in the group), or still_present (a failure, exit 4)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Like --verify, and a server that was not a member is an error too (exit 4), so a typo fails the pipeline')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;backends;add' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error')
            [CompletionResult]::new('--server-group', '--server-group', [CompletionResultType]::ParameterName, 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group')
            [CompletionResult]::new('--vserver-group', '--vserver-group', [CompletionResultType]::ParameterName, 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only')
            [CompletionResult]::new('--job-timeout', '--job-timeout', [CompletionResultType]::ParameterName, 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored')
            [CompletionResult]::new('--weight', '--weight', [CompletionResultType]::ParameterName, 'Weight of the added servers, 0 to 100 [default: 100] (not for functions)')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, resolve and sign, print the request, and send nothing')
            [CompletionResult]::new('--wait-healthy', '--wait-healthy', [CompletionResultType]::ParameterName, 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'A server that is already a member is an error (exit 4), after the others are added')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;backends;set-weight' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error')
            [CompletionResult]::new('--server-group', '--server-group', [CompletionResultType]::ParameterName, 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group')
            [CompletionResult]::new('--vserver-group', '--vserver-group', [CompletionResultType]::ParameterName, 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only')
            [CompletionResult]::new('--job-timeout', '--job-timeout', [CompletionResultType]::ParameterName, 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored')
            [CompletionResult]::new('--weight', '--weight', [CompletionResultType]::ParameterName, 'The new weight, 0 to 100 (0 stops new connections)')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate, resolve and sign, print the request, and send nothing')
            [CompletionResult]::new('--wait-healthy', '--wait-healthy', [CompletionResultType]::ParameterName, 'Then wait until the servers are `normal` on every listener (exit 8 on timeout); not with weight 0')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the weights in the answer after the change (exit 4 when one is not set)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Like --verify, and a server that is not a member is an error too (exit 4)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;backends;wait' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--product', '--product', [CompletionResultType]::ParameterName, 'The product, where no --lb names it')
            [CompletionResult]::new('--server-group', '--server-group', [CompletionResultType]::ParameterName, 'The ALB/NLB server group (for CLB, another name of --vserver-group)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'The condition to wait for')
            [CompletionResult]::new('--job', '--job', [CompletionResultType]::ParameterName, 'ALB/NLB: wait for these jobs instead (repeat): exit 0 when all succeeded, 4 when one failed, 8 on timeout')
            [CompletionResult]::new('--job-timeout', '--job-timeout', [CompletionResultType]::ParameterName, 'ALB/NLB: give up on a job after this many seconds [default: 300, or the group''s connection-drain timeout + 60 if longer]')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]')
            [CompletionResult]::new('--listener', '--listener', [CompletionResultType]::ParameterName, 'Only this listener''s health (`80`, or `80/http` where several share the port)')
            [CompletionResult]::new('--vserver-group', '--vserver-group', [CompletionResultType]::ParameterName, 'Members of this vServer group (`ID:PORT`; a bare ID is every port of it) for `removed` and `drained`; for `healthy`, `ID:PORT` narrows health to that port')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read server ids from a file, as for the other backend commands')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;backends;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)')
            [CompletionResult]::new('set-weight', 'set-weight', [CompletionResultType]::ParameterValue, 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;backends;help;list' {
            break
        }
        'slbctl;backends;help;remove' {
            break
        }
        'slbctl;backends;help;add' {
            break
        }
        'slbctl;backends;help;set-weight' {
            break
        }
        'slbctl;backends;help;wait' {
            break
        }
        'slbctl;backends;help;help' {
            break
        }
        'slbctl;groups' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;groups;list' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;groups;help;list' {
            break
        }
        'slbctl;groups;help;help' {
            break
        }
        'slbctl;standby' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('enter', 'enter', [CompletionResultType]::ParameterValue, 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)')
            [CompletionResult]::new('exit', 'exit', [CompletionResultType]::ParameterValue, 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The recorded memberships, each with its live state and what exit would do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;standby;enter' {
            [CompletionResult]::new('--lb', '--lb', [CompletionResultType]::ParameterName, 'Only these load balancers (repeat); by default every one in the region')
            [CompletionResult]::new('--drain', '--drain', [CompletionResultType]::ParameterName, 'Set the weights to 0 first, wait this many seconds, then remove')
            [CompletionResult]::new('--min-remaining', '--min-remaining', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members')
            [CompletionResult]::new('--min-healthy', '--min-healthy', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members that are `normal` on every listener')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'One state file for every server given [default: one per server under the user state directory]')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Discovery calls in flight at once')
            [CompletionResult]::new('--products', '--products', [CompletionResultType]::ParameterName, 'The products to look in (comma-separated)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Discover and print the plan; change and record nothing')
            [CompletionResult]::new('--fast', '--fast', [CompletionResultType]::ParameterName, 'Fewer calls: CLB''s DescribeLoadBalancers ServerId filter (which sees default groups only), and ALB/NLB''s group-less ListServerGroupServers query (what it searches is unconfirmed)')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;standby;exit' {
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'The state file to act on [default: each server''s, or every one of the region]')
            [CompletionResult]::new('--wait-timeout', '--wait-timeout', [CompletionResultType]::ParameterName, 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]')
            [CompletionResult]::new('--products', '--products', [CompletionResultType]::ParameterName, 'The products to look in when a server has no record (comma-separated)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Discovery calls in flight at once (when a server has no record)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--wait-healthy', '--wait-healthy', [CompletionResultType]::ParameterName, 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan; change nothing')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;standby;show' {
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'The state file to show [default: each server''s, or every one of the region]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;standby;help' {
            [CompletionResult]::new('enter', 'enter', [CompletionResultType]::ParameterValue, 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)')
            [CompletionResult]::new('exit', 'exit', [CompletionResultType]::ParameterValue, 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The recorded memberships, each with its live state and what exit would do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;standby;help;enter' {
            break
        }
        'slbctl;standby;help;exit' {
            break
        }
        'slbctl;standby;help;show' {
            break
        }
        'slbctl;standby;help;help' {
            break
        }
        'slbctl;configure' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in the slbctl config file and in the aliyun CLI''s config.json')
            [CompletionResult]::new('clear-cache', 'clear-cache', [CompletionResultType]::ParameterValue, 'Delete every temporary credential slbctl has cached')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;config;clear-cache' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in the slbctl config file and in the aliyun CLI''s config.json')
            [CompletionResult]::new('clear-cache', 'clear-cache', [CompletionResultType]::ParameterValue, 'Delete every temporary credential slbctl has cached')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;config;help;show' {
            break
        }
        'slbctl;config;help;list' {
            break
        }
        'slbctl;config;help;clear-cache' {
            break
        }
        'slbctl;config;help;help' {
            break
        }
        'slbctl;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page (slbctl.1, slbctl-backends-remove.1, …) into this folder')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: ~/.config/slbctl/config.toml]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the load balancer, e.g. cn-hangzhou')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)')
            [CompletionResult]::new('--endpoint-type', '--endpoint-type', [CompletionResultType]::ParameterName, 'Reach the API over the public internet or from inside a VPC')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)')
            [CompletionResult]::new('--audit-log', '--audit-log', [CompletionResultType]::ParameterName, 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after the first for failures that are safe to retry (0 disables)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time limit of one attempt, in seconds')
            [CompletionResult]::new('--busy-timeout', '--busy-timeout', [CompletionResultType]::ParameterName, 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time limit to connect (TCP and TLS), in seconds')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--no-credential-cache', '--no-credential-cache', [CompletionResultType]::ParameterName, 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say what is being done, on stderr (repeat for more). Never shows secrets')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on stdout on success; errors still go to stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'slbctl;help' {
            [CompletionResult]::new('backends', 'backends', [CompletionResultType]::ParameterValue, 'Work with the backend servers of a load balancer: a CLB''s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)')
            [CompletionResult]::new('standby', 'standby', [CompletionResultType]::ParameterValue, 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved settings and the profiles slbctl can see')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (see the README for where to put it)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'slbctl;help;backends' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)')
            [CompletionResult]::new('set-weight', 'set-weight', [CompletionResultType]::ParameterValue, 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out')
            break
        }
        'slbctl;help;backends;list' {
            break
        }
        'slbctl;help;backends;remove' {
            break
        }
        'slbctl;help;backends;add' {
            break
        }
        'slbctl;help;backends;set-weight' {
            break
        }
        'slbctl;help;backends;wait' {
            break
        }
        'slbctl;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts')
            break
        }
        'slbctl;help;groups;list' {
            break
        }
        'slbctl;help;standby' {
            [CompletionResult]::new('enter', 'enter', [CompletionResultType]::ParameterValue, 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)')
            [CompletionResult]::new('exit', 'exit', [CompletionResultType]::ParameterValue, 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The recorded memberships, each with its live state and what exit would do')
            break
        }
        'slbctl;help;standby;enter' {
            break
        }
        'slbctl;help;standby;exit' {
            break
        }
        'slbctl;help;standby;show' {
            break
        }
        'slbctl;help;configure' {
            break
        }
        'slbctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in the slbctl config file and in the aliyun CLI''s config.json')
            [CompletionResult]::new('clear-cache', 'clear-cache', [CompletionResultType]::ParameterValue, 'Delete every temporary credential slbctl has cached')
            break
        }
        'slbctl;help;config;show' {
            break
        }
        'slbctl;help;config;list' {
            break
        }
        'slbctl;help;config;clear-cache' {
            break
        }
        'slbctl;help;completions' {
            break
        }
        'slbctl;help;man' {
            break
        }
        'slbctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
