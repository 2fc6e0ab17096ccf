
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
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backends 'Work with the backend servers of a load balancer''s default server group'
            cand configure 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
            cand config 'Show the resolved settings and the profiles slbctl can see'
            cand completions 'Print a shell completion script (see the README for where to put it)'
            cand man 'Print the manual page (roff), e.g. `slbctl man | man -l -`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand remove 'Remove servers from a load balancer (RemoveBackendServers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends;remove'= {
            cand --lb 'The load balancer, e.g. lb-bp1o94dp5i6earr9g6d1z'
            cand --type 'Backend type of every server; by default inferred from each id''s prefix (eni- → eni, eci- → eci, else ecs)'
            cand --from-file 'Read server ids from a file: whitespace- or newline-separated, `#` comments and blank lines ignored'
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand --dry-run 'Validate, resolve and sign, print the request, and send nothing'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;backends;help'= {
            cand remove 'Remove servers from a load balancer (RemoveBackendServers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;backends;help;remove'= {
        }
        &'slbctl;backends;help;help'= {
        }
        &'slbctl;configure'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
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
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'The resolved profile, region, endpoint and credentials, each with its source. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;config;show'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
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
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;config;help'= {
            cand show 'The resolved profile, region, endpoint and credentials, each with its source. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;config;help;show'= {
        }
        &'slbctl;config;help;list'= {
        }
        &'slbctl;config;help;help'= {
        }
        &'slbctl;completions'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;man'= {
            cand --profile 'Profile to use from the config file'
            cand --config 'Config file [default: ~/.config/slbctl/config.toml]'
            cand --region 'Region of the load balancer, e.g. cn-hangzhou'
            cand --endpoint 'API endpoint URL, overriding the one derived from the region'
            cand --retries 'Attempts after the first for failures that are safe to retry (0 disables)'
            cand --timeout 'Time limit of one attempt, in seconds'
            cand --connect-timeout 'Time limit to connect (TCP and TLS), in seconds'
            cand --output 'Output format'
            cand -v 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand --verbose 'Say what is being done, on stderr (repeat for more). Never shows secrets'
            cand -q 'Print nothing on stdout on success; errors still go to stderr'
            cand --quiet 'Print nothing on stdout on success; errors still go to stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'slbctl;help'= {
            cand backends 'Work with the backend servers of a load balancer''s default server group'
            cand configure 'Write or update a profile in the slbctl config file (asks for the access key id, the secret without echo, and the region; reads them from stdin, one per line, when stdin is not a terminal)'
            cand config 'Show the resolved settings and the profiles slbctl can see'
            cand completions 'Print a shell completion script (see the README for where to put it)'
            cand man 'Print the manual page (roff), e.g. `slbctl man | man -l -`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'slbctl;help;backends'= {
            cand remove 'Remove servers from a load balancer (RemoveBackendServers)'
        }
        &'slbctl;help;backends;remove'= {
        }
        &'slbctl;help;configure'= {
        }
        &'slbctl;help;config'= {
            cand show 'The resolved profile, region, endpoint and credentials, each with its source. Never prints a secret'
            cand list 'The profiles in the slbctl config file and in the aliyun CLI''s config.json'
        }
        &'slbctl;help;config;show'= {
        }
        &'slbctl;help;config;list'= {
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
