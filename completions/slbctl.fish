# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_slbctl_global_optspecs
    string join \n profile= config= region= endpoint= endpoint-type= ca-bundle= audit-log= retries= timeout= busy-timeout= connect-timeout= no-credential-cache v/verbose q/quiet o/output= h/help V/version
end

function __fish_slbctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_slbctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_slbctl_using_subcommand
    set -l cmd (__fish_slbctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c slbctl -n "__fish_slbctl_needs_command" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_needs_command" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_needs_command" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_needs_command" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_needs_command" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_needs_command" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_needs_command" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_needs_command" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_needs_command" -s V -l version -d 'Print version'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "backends" -d 'Work with the backend servers of a load balancer: a CLB\'s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "groups" -d 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "standby" -d 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "configure" -d 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "config" -d 'Show the resolved settings and the profiles slbctl can see'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "completions" -d 'Print a shell completion script (see the README for where to put it)'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "man" -d 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir'
complete -c slbctl -n "__fish_slbctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "list" -d 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "remove" -d 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "add" -d 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "set-weight" -d 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "wait" -d 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and not __fish_seen_subcommand_from list remove add set-weight wait help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l product -d 'The product, where no --lb names it' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l vserver-group -d 'List this vServer group\'s members instead of the default server group\'s' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l server-group -d 'ALB/NLB: list this server group only [default: every group the load balancer uses]; for CLB, another name of --vserver-group' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l product -d 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l server-group -d 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer\'s listeners use]; for CLB, another name of --vserver-group' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l vserver-group -d 'Work on this vServer group instead of the load balancer\'s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l port -d 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l type -d 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only' -r -f -a "ecs\t'An ECS instance (`i-…`)'
eni\t'An elastic network interface (`eni-…`)'
eci\t'An elastic container instance (`eci-…`)'
ip\t'An IP address (ALB/NLB `Ip` server groups)'
fc\t'A Function Compute function, by its ARN (ALB `Fc` server groups)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l job-timeout -d 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group\'s connection-drain timeout + 60 if longer]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l from-file -d 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l min-remaining -d 'Refuse (exit 7, nothing removed) if fewer than N backends would remain' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l drain -d 'Set the servers\' weight to 0 first, wait this many seconds for connections to drain, then remove them' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l min-healthy -d 'Refuse (exit 7, nothing changed) if fewer than N members that are `normal` on every listener would remain (read before draining or removing)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l wait-timeout -d 'With --verify/--strict: how long to wait for the load balancer\'s description to show the removal (it is eventually consistent) before calling a server still_present' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l batch -d 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l no-wait -d 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l dry-run -d 'Validate, resolve and sign, print the request, and send nothing'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l verify -d 'Read the backends before and after, and report per server: removed, not_member (was not in the group), or still_present (a failure, exit 4)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l strict -d 'Like --verify, and a server that was not a member is an error too (exit 4), so a typo fails the pipeline'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l product -d 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l server-group -d 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer\'s listeners use]; for CLB, another name of --vserver-group' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l vserver-group -d 'Work on this vServer group instead of the load balancer\'s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l port -d 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l type -d 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only' -r -f -a "ecs\t'An ECS instance (`i-…`)'
eni\t'An elastic network interface (`eni-…`)'
eci\t'An elastic container instance (`eci-…`)'
ip\t'An IP address (ALB/NLB `Ip` server groups)'
fc\t'A Function Compute function, by its ARN (ALB `Fc` server groups)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l job-timeout -d 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group\'s connection-drain timeout + 60 if longer]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l from-file -d 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l weight -d 'Weight of the added servers, 0 to 100 [default: 100] (not for functions)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l wait-timeout -d 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l interval -d 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l batch -d 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l no-wait -d 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l dry-run -d 'Validate, resolve and sign, print the request, and send nothing'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l wait-healthy -d 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l strict -d 'A server that is already a member is an error (exit 4), after the others are added'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z; its prefix names the product (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l product -d 'The product, where no --lb names it (e.g. --product nlb --server-group sgp-…); one that contradicts --lb is a usage error' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l server-group -d 'The ALB/NLB server group (sgp-…) [default: the one group the load balancer\'s listeners use]; for CLB, another name of --vserver-group' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l vserver-group -d 'Work on this vServer group instead of the load balancer\'s default server group. Servers are then `ID:PORT` (`ID:PORT@IP` for an ENI with several addresses); a bare `ID` means every port of that server in the group (remove, set-weight)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l port -d 'The backend port of every server given without one (vServer and server groups; 0 only on NLB, for any-port groups)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l type -d 'Backend type of every server; by default inferred from each id (eni- → eni, eci- → eci, an IP address → ip, acs: → fc, else ecs). ip and fc: ALB/NLB only' -r -f -a "ecs\t'An ECS instance (`i-…`)'
eni\t'An elastic network interface (`eni-…`)'
eci\t'An elastic container instance (`eci-…`)'
ip\t'An IP address (ALB/NLB `Ip` server groups)'
fc\t'A Function Compute function, by its ARN (ALB `Fc` server groups)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l job-timeout -d 'ALB/NLB: give up on a job after this many seconds (exit 8; the job may still complete) [default: 300, or the group\'s connection-drain timeout + 60 if longer]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l from-file -d 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l weight -d 'The new weight, 0 to 100 (0 stops new connections)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l wait-timeout -d 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l interval -d 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l batch -d 'Send more servers than one call takes (CLB 20; ALB/NLB 200, ALB weights 40) as consecutive calls within the limit, in order'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l no-wait -d 'ALB/NLB: return once each change is accepted, printing its JobId (with --batch, every job but the last is still awaited); not with --drain or --wait-healthy'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l dry-run -d 'Validate, resolve and sign, print the request, and send nothing'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l wait-healthy -d 'Then wait until the servers are `normal` on every listener (exit 8 on timeout); not with weight 0'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l verify -d 'Check the weights in the answer after the change (exit 4 when one is not set)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l strict -d 'Like --verify, and a server that is not a member is an error too (exit 4)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from set-weight" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l product -d 'The product, where no --lb names it' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l server-group -d 'The ALB/NLB server group (for CLB, another name of --vserver-group)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l until -d 'The condition to wait for' -r -f -a "healthy\t'Every server `normal` on every listener that serves it (DescribeHealthStatus)'
removed\t'No server a member any more (DescribeLoadBalancerAttribute catches up)'
drained\t'Every server a member at weight 0, on two consecutive polls'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l job -d 'ALB/NLB: wait for these jobs instead (repeat): exit 0 when all succeeded, 4 when one failed, 8 on timeout' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l job-timeout -d 'ALB/NLB: give up on a job after this many seconds [default: 300, or the group\'s connection-drain timeout + 60 if longer]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l wait-timeout -d 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l interval -d 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l listener -d 'Only this listener\'s health (`80`, or `80/http` where several share the port)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l vserver-group -d 'Members of this vServer group (`ID:PORT`; a bare ID is every port of it) for `removed` and `drained`; for `healthy`, `ID:PORT` narrows health to that port' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l from-file -d 'Read server ids from a file, as for the other backend commands' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "set-weight" -d 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
complete -c slbctl -n "__fish_slbctl_using_subcommand backends; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l lb -d 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z (lb- CLB, alb- ALB, nlb- NLB)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
complete -c slbctl -n "__fish_slbctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -f -a "enter" -d 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -f -a "exit" -d 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -f -a "show" -d 'The recorded memberships, each with its live state and what exit would do'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and not __fish_seen_subcommand_from enter exit show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l lb -d 'Only these load balancers (repeat); by default every one in the region' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l drain -d 'Set the weights to 0 first, wait this many seconds, then remove' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l min-remaining -d 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l min-healthy -d 'Refuse (exit 7, nothing changed) if any group would keep fewer than N members that are `normal` on every listener' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l state-file -d 'One state file for every server given [default: one per server under the user state directory]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l concurrency -d 'Discovery calls in flight at once' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l products -d 'The products to look in (comma-separated)' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l dry-run -d 'Discover and print the plan; change and record nothing'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l fast -d 'Fewer calls: CLB\'s DescribeLoadBalancers ServerId filter (which sees default groups only), and ALB/NLB\'s group-less ListServerGroupServers query (what it searches is unconfirmed)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from enter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l state-file -d 'The state file to act on [default: each server\'s, or every one of the region]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l wait-timeout -d 'Give up after this many seconds (exit 8). (The global --timeout is the limit of one HTTP attempt.)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l interval -d 'Poll every SECS seconds [default: at once, then after 2, 4, 8, 15, 15, … s]' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l products -d 'The products to look in when a server has no record (comma-separated)' -r -f -a "clb\t'Classic load balancer (SLB/CLB, 2014-05-15): `lb-…` ids'
alb\t'Application Load Balancer (2020-06-16): `alb-…` ids'
nlb\t'Network Load Balancer (2022-04-30): `nlb-…` ids'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l concurrency -d 'Discovery calls in flight at once (when a server has no record)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l wait-healthy -d 'Then wait until the servers are `normal` on every listener (exit 8 on timeout)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l dry-run -d 'Print the plan; change nothing'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from exit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l state-file -d 'The state file to show [default: each server\'s, or every one of the region]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from help" -f -a "enter" -d 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from help" -f -a "exit" -d 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from help" -f -a "show" -d 'The recorded memberships, each with its live state and what exit would do'
complete -c slbctl -n "__fish_slbctl_using_subcommand standby; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand configure" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -f -a "show" -d 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -f -a "list" -d 'The profiles in the slbctl config file and in the aliyun CLI\'s config.json'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -f -a "clear-cache" -d 'Delete every temporary credential slbctl has cached'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and not __fish_seen_subcommand_from show list clear-cache help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from clear-cache" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'The profiles in the slbctl config file and in the aliyun CLI\'s config.json'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "clear-cache" -d 'Delete every temporary credential slbctl has cached'
complete -c slbctl -n "__fish_slbctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l dir -d 'Write every page (slbctl.1, slbctl-backends-remove.1, …) into this folder' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l profile -d 'Profile to use from the config file' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l config -d 'Config file [default: ~/.config/slbctl/config.toml]' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l region -d 'Region of the load balancer, e.g. cn-hangzhou' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l endpoint -d 'API endpoint URL, overriding the one derived from the region, for the product the command addresses (the variable is CLB\'s; ALB and NLB read SLBCTL_ALB_ENDPOINT and SLBCTL_NLB_ENDPOINT)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l endpoint-type -d 'Reach the API over the public internet or from inside a VPC' -r -f -a "public\t'The public endpoint'
vpc\t'The endpoint inside a VPC (slb-vpc.REGION.aliyuncs.com)'"
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l ca-bundle -d 'PEM bundle of extra trusted CA certificates, added to the built-in roots (also read from SSL_CERT_FILE)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l audit-log -d 'Record every change call as JSON lines in this file (created 0600; see README "Audit log"); a log that cannot be written stops the command (exit 3)' -r -F
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l retries -d 'Attempts after the first for failures that are safe to retry (0 disables)' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l timeout -d 'Time limit of one attempt, in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l busy-timeout -d 'How long to wait out "busy" answers (the load balancer is applying another change: ServiceIsConfiguring, VServerGroupProcessing, …), in seconds; 0 leaves them to --retries' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l connect-timeout -d 'Time limit to connect (TCP and TLS), in seconds' -r
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'A table for people, plus a one-line summary'
json\t'The API\'s answer as JSON, every field kept; errors as JSON on stderr too'
text\t'One backend per line, tab-separated (ServerId, Type, Weight), no header'"
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -l no-credential-cache -d 'Do not read or write the credential cache (temporary credentials are fetched afresh, and not kept)'
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -s v -l verbose -d 'Say what is being done, on stderr (repeat for more). Never shows secrets'
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -s q -l quiet -d 'Print nothing on stdout on success; errors still go to stderr'
complete -c slbctl -n "__fish_slbctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "backends" -d 'Work with the backend servers of a load balancer: a CLB\'s default server group or a vServer group (--vserver-group), an ALB or NLB server group (--server-group)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "groups" -d 'The server groups of a load balancer (CLB: the default group and vServer groups; ALB/NLB: the server groups its listeners and rules use)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "standby" -d 'Take servers out of every load balancer and group that holds them, and put them back exactly as they were (a state file remembers)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "configure" -d 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "config" -d 'Show the resolved settings and the profiles slbctl can see'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "completions" -d 'Print a shell completion script (see the README for where to put it)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "man" -d 'Print a manual page (roff), e.g. `slbctl man backends remove | man -l -`, or write every page with --dir'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and not __fish_seen_subcommand_from backends groups standby configure config completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from backends" -f -a "list" -d 'List the backends of a load balancer (CLB DescribeLoadBalancerAttribute; ALB/NLB ListServerGroupServers of each group it uses)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from backends" -f -a "remove" -d 'Remove servers from a load balancer (CLB RemoveBackendServers; ALB/NLB RemoveServersFromServerGroup, waiting for its job)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from backends" -f -a "add" -d 'Add servers that are not members yet (CLB AddBackendServers; ALB/NLB AddServersToServerGroup); a member is left at its weight (use set-weight)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from backends" -f -a "set-weight" -d 'Set the weight of member servers (CLB SetBackendServers; ALB/NLB UpdateServerGroupServersAttribute); weight 0 drains a server'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from backends" -f -a "wait" -d 'Wait until servers are healthy, removed or drained, polling the load balancer, or (ALB/NLB) until jobs end; exit 8 when the time runs out'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'The default server group and every vServer group of a load balancer, with the listeners that use them and their member counts'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from standby" -f -a "enter" -d 'Find every membership of the servers in the region (CLB default and vServer groups, ALB and NLB server groups), record it in a state file, then take them out (optionally draining first)'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from standby" -f -a "exit" -d 'Put recorded memberships back with their ports, weights, types and addresses, and restore the weights slbctl drained; the state file is removed when everything is back'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from standby" -f -a "show" -d 'The recorded memberships, each with its live state and what exit would do'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'The resolved profile, region, endpoint and credentials, each with its source; temporary credentials are obtained (from the cache, or fetched and cached) to say when they expire. Never prints a secret'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'The profiles in the slbctl config file and in the aliyun CLI\'s config.json'
complete -c slbctl -n "__fish_slbctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "clear-cache" -d 'Delete every temporary credential slbctl has cached'
