
use builtin;
use str;

set edit:completion:arg-completer[slbctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'slbctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'slbctl'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backends 'Work with the backend servers of a load balancer: a CLB''s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)'
            cand groups 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)'
            cand standby 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)'
            cand configure 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
            cand config 'Show the resolved settings and the profiles slbctl can see'
            cand completions 'Print a shell completion script (see the README for where to put it)'
            cand man 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
            cand remove 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
            cand add 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
            cand set-weight 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
            cand wait 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends;list'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)'
            cand --product 'The product, where no --lb names it'
            cand --vserver-group 'List this vServer group''s members instead of the default server group''s'
            cand --server-group 'ALB/NLB: list this server group only [default: every group the load balancer uses]; for CLB, another name of --vserver-group'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;remove'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)'
            cand --product 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error'
            cand --server-group 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group'
            cand --vserver-group 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)'
            cand --port 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)'
            cand --type 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only'
            cand --job-timeout 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]'
            cand --from-file 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored'
            cand --min-remaining 'Refuse (exit 7, nothing removed) if fewer than N backends would remain'
            cand --drain 'Set the servers'' weight to 0 first, wait this many seconds for connections to drain, then remove them'
            cand --min-healthy 'Refuse (exit 7, nothing changed) if fewer than N members that are `normal` on every listener would remain (read before draining or removing)'
            cand --wait-timeout 'With --verify/--strict: how long to wait for the load balancer''s description to show the removal (it is eventually consistent) before calling a server still_present'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --batch 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
            cand --no-wait 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
            cand --dry-run 'Validate, resolve and sign, print the request, and send nothing'
            cand --verify 'Read the backends before and after, and report per server: removed, not_member (was not in the group), or still_present (a failure, exit 4)'
            cand --strict 'Like --verify, and a server that was not a member is an error too (exit 4), so a typo fails the pipeline'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;add'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)'
            cand --product 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error'
            cand --server-group 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group'
            cand --vserver-group 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)'
            cand --port 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)'
            cand --type 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only'
            cand --job-timeout 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]'
            cand --from-file 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored'
            cand --weight 'Weight of the added servers, 0 to 100 [default: 100] (not for functions)'
            cand --wait-timeout 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)'
            cand --interval 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --batch 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
            cand --no-wait 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
            cand --dry-run 'Validate, resolve and sign, print the request, and send nothing'
            cand --wait-healthy 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)'
            cand --strict 'A server that is already a member is an error (exit 4), after the others are added'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;set-weight'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)'
            cand --product 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error'
            cand --server-group 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer''s listeners use]; for CLB, another name of --vserver-group'
            cand --vserver-group 'Work on this vServer group instead of the load balancer''s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)'
            cand --port 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)'
            cand --type 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only'
            cand --job-timeout 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group''s connection-drain timeout + 60 if longer]'
            cand --from-file 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored'
            cand --weight 'The new weight, 0 to 100 (0 stops new connections)'
            cand --wait-timeout 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)'
            cand --interval 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --batch 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
            cand --no-wait 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
            cand --dry-run 'Validate, resolve and sign, print the request, and send nothing'
            cand --wait-healthy 'Then wait until the servers are `normal` on every listener (exit 8 on timeout); not with weight 0'
            cand --verify 'Check the weights in the answer after the change (exit 4 when one is not set)'
            cand --strict 'Like --verify, and a server that is not a member is an error too (exit 4)'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;wait'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)'
            cand --product 'The product, where no --lb names it'
            cand --server-group 'The ALB/NLB server group (for CLB, another name of --vserver-group)'
            cand --until 'The condition to wait for'
            cand --job 'ALB/NLB: wait for these jobs instead (repeat): exit 0 when all succeeded, 4 when one failed, 8 on timeout'
            cand --job-timeout 'ALB/NLB: give up on a job after this many seconds [default: 300, or the group''s connection-drain timeout + 60 if longer]'
            cand --wait-timeout 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)'
            cand --interval 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]'
            cand --listener 'Only this listener''s health (`80`, or `80/http` where several share the port)'
            cand --vserver-group 'Members of this vServer group (`ID:PORT`; a bare ID is every port of it) for `removed` and `drained`; for `healthy`, `ID:PORT` narrows health to that port'
            cand --from-file 'Read server ids from a file, as for the other backend commands'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;help'= {
            cand list 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
            cand remove 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
            cand add 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
            cand set-weight 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
            cand wait 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends;help;list'= {
        }
        &'slbctl;backends;help;remove'= {
        }
        &'slbctl;backends;help;add'= {
        }
        &'slbctl;backends;help;set-weight'= {
        }
        &'slbctl;backends;help;wait'= {
        }
        &'slbctl;backends;help;help'= {
        }
        &'slbctl;groups'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;groups;list'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;groups;help'= {
            cand list 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;groups;help;list'= {
        }
        &'slbctl;groups;help;help'= {
        }
        &'slbctl;standby'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand enter 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
            cand exit 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
            cand show 'The recorded memberships, each with its live state and what exit would do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;standby;enter'= {
            cand --lb 'Only these load balancers (repeat); by default every one in the region'
            cand --drain 'Set the weights to 0 first, wait this many seconds, then remove'
            cand --min-remaining 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members'
            cand --min-healthy 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members that are `normal` on every listener'
            cand --state-file 'One state file for every server given [default: one per server under the user state directory]'
            cand --concurrency 'Discovery calls in flight at once'
            cand --products 'The products to look in (comma-separated)'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --dry-run 'Discover and print the plan; change and record nothing'
            cand --fast 'Fewer calls: CLB''s DescribeLoadBalancers ServerId filter (which sees default groups only), and ALB/NLB''s group-less ListServerGroupServers query (what it searches is unconfirmed)'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;standby;exit'= {
            cand --state-file 'The state file to act on [default: each server''s, or every one of the region]'
            cand --wait-timeout 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)'
            cand --interval 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]'
            cand --products 'The products to look in when a server has no record (comma-separated)'
            cand --concurrency 'Discovery calls in flight at once (when a server has no record)'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --wait-healthy 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)'
            cand --dry-run 'Print the plan; change nothing'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;standby;show'= {
            cand --state-file 'The state file to show [default: each server''s, or every one of the region]'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;standby;help'= {
            cand enter 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
            cand exit 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
            cand show 'The recorded memberships, each with its live state and what exit would do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;standby;help;enter'= {
        }
        &'slbctl;standby;help;exit'= {
        }
        &'slbctl;standby;help;show'= {
        }
        &'slbctl;standby;help;help'= {
        }
        &'slbctl;configure'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;config'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
            cand clear-cache 'Delete every temporary credential slbctl has cached'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;config;show'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;config;list'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;config;clear-cache'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;config;help'= {
            cand show 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
            cand clear-cache 'Delete every temporary credential slbctl has cached'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;config;help;show'= {
        }
        &'slbctl;config;help;list'= {
        }
        &'slbctl;config;help;clear-cache'= {
        }
        &'slbctl;config;help;help'= {
        }
        &'slbctl;completions'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;man'= {
            cand --dir 'Write every page (slbctl.1, slbctl-backends-remove.1, …) into this folder'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB''s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)'
            cand --endpoint-type 'Reach the API over the public internet or from inside a VPC'
            cand --ca-bundle 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)'
            cand --audit-log 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --busy-timeout 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --no-credential-cache 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;help'= {
            cand backends 'Work with the backend servers of a load balancer: a CLB''s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)'
            cand groups 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)'
            cand standby 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)'
            cand configure 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
            cand config 'Show the resolved settings and the profiles slbctl can see'
            cand completions 'Print a shell completion script (see the README for where to put it)'
            cand man 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;help;backends'= {
            cand list 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
            cand remove 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
            cand add 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
            cand set-weight 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
            cand wait 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
        }
        &'slbctl;help;backends;list'= {
        }
        &'slbctl;help;backends;remove'= {
        }
        &'slbctl;help;backends;add'= {
        }
        &'slbctl;help;backends;set-weight'= {
        }
        &'slbctl;help;backends;wait'= {
        }
        &'slbctl;help;groups'= {
            cand list 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
        }
        &'slbctl;help;groups;list'= {
        }
        &'slbctl;help;standby'= {
            cand enter 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
            cand exit 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
            cand show 'The recorded memberships, each with its live state and what exit would do'
        }
        &'slbctl;help;standby;enter'= {
        }
        &'slbctl;help;standby;exit'= {
        }
        &'slbctl;help;standby;show'= {
        }
        &'slbctl;help;configure'= {
        }
        &'slbctl;help;config'= {
            cand show 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
            cand clear-cache 'Delete every temporary credential slbctl has cached'
        }
        &'slbctl;help;config;show'= {
        }
        &'slbctl;help;config;list'= {
        }
        &'slbctl;help;config;clear-cache'= {
        }
        &'slbctl;help;completions'= {
        }
        &'slbctl;help;man'= {
        }
        &'slbctl;help;help'= {
        }
    ]
    $completions[$command]
}
