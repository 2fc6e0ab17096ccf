//! The names of the environment variables slbctl reads, defined once: clap's `env =`
//! fallbacks in `cli`, the resolution here, the credential chain and the messages all
//! use these constants.

/// `--profile`.
pub const ENV_SLBCTL_PROFILE: &str = "SLBCTL_PROFILE";
/// `--config`.
pub const ENV_CONFIG: &str = "SLBCTL_CONFIG";
/// `--endpoint` for CLB (the flag itself applies to the product a command addresses).
pub const ENV_ENDPOINT: &str = "SLBCTL_ENDPOINT";
/// The ALB endpoint.
pub const ENV_ALB_ENDPOINT: &str = "SLBCTL_ALB_ENDPOINT";
/// The NLB endpoint.
pub const ENV_NLB_ENDPOINT: &str = "SLBCTL_NLB_ENDPOINT";
/// `--audit-log`.
pub const ENV_AUDIT_LOG: &str = "SLBCTL_AUDIT_LOG";
/// `--job-timeout`.
pub const ENV_JOB_TIMEOUT: &str = "SLBCTL_JOB_TIMEOUT";
/// `--retries`.
pub const ENV_RETRIES: &str = "SLBCTL_RETRIES";
/// `--busy-timeout`.
pub const ENV_BUSY_TIMEOUT: &str = "SLBCTL_BUSY_TIMEOUT";
/// `--timeout`.
pub const ENV_TIMEOUT: &str = "SLBCTL_TIMEOUT";
pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
pub const ENV_REGION: &str = "ALIBABA_CLOUD_REGION_ID";
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
pub const ENV_IGNORE_PROFILE: &str = "ALIBABA_CLOUD_IGNORE_PROFILE";
pub const ENV_ENDPOINT_TYPE: &str = "ALIBABA_CLOUD_ENDPOINT_TYPE";
pub const ENV_CA_BUNDLE: &str = "SLBCTL_CA_BUNDLE";
/// The OpenSSL convention for an extra CA bundle, honoured as a fallback.
pub const ENV_SSL_CERT_FILE: &str = "SSL_CERT_FILE";

/// The `ALIBABACLOUD_*` spellings (the official GitHub Action exports them too).
pub const ALT_ACCESS_KEY_ID: &str = "ALIBABACLOUD_ACCESS_KEY_ID";
pub const ALT_ACCESS_KEY_SECRET: &str = "ALIBABACLOUD_ACCESS_KEY_SECRET";
pub const ALT_SECURITY_TOKEN: &str = "ALIBABACLOUD_SECURITY_TOKEN";
/// Terraform's names, which the official GitHub Action exports as well.
pub const TERRAFORM_ACCESS_KEY: &str = "ALICLOUD_ACCESS_KEY";
pub const TERRAFORM_SECRET_KEY: &str = "ALICLOUD_SECRET_KEY";

/// OIDC role assumption (ACK RRSA, GitHub Actions): all three must be set.
pub const ENV_ROLE_ARN: &str = "ALIBABA_CLOUD_ROLE_ARN";
pub const ENV_OIDC_PROVIDER_ARN: &str = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
pub const ENV_OIDC_TOKEN_FILE: &str = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
pub const ENV_ROLE_SESSION_NAME: &str = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
/// STS endpoint: a host or a URL (the ACK RRSA webhook sets it).
pub const ENV_STS_ENDPOINT: &str = "ALIBABA_CLOUD_STS_ENDPOINT";
pub const ENV_STS_REGION: &str = "ALIBABA_CLOUD_STS_REGION";
/// `true`: the VPC endpoint of STS (`sts-vpc.REGION.aliyuncs.com`).
pub const ENV_VPC_ENDPOINT_ENABLED: &str = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
/// The INI credentials file.
pub const ENV_CREDENTIALS_FILE: &str = "ALIBABA_CLOUD_CREDENTIALS_FILE";
/// The ECS instance's RAM role name (a name, not a switch).
pub const ENV_ECS_METADATA: &str = "ALIBABA_CLOUD_ECS_METADATA";
/// `true`: never ask the ECS metadata server in the chain.
pub const ENV_ECS_METADATA_DISABLED: &str = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
/// `true`: no IMDSv1 fallback when an IMDSv2 token cannot be had.
pub const ENV_IMDSV1_DISABLED: &str = "ALIBABA_CLOUD_IMDSV1_DISABLED";
/// A URL that answers with temporary credentials.
pub const ENV_CREDENTIALS_URI: &str = "ALIBABA_CLOUD_CREDENTIALS_URI";
/// `1`/`true`: never run a profile's `process_command` (nor fetch its credentials URI).
pub const ENV_DISABLE_EXTERNAL_PROCESS: &str = "ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS";
/// The metadata server's address (tests, unusual networks); default
/// `http://100.100.100.200`.
pub const ENV_ECS_METADATA_ENDPOINT: &str = "SLBCTL_ECS_METADATA_ENDPOINT";
/// Test hook: the directory read instead of `/sys/class/dmi/id` to tell whether this
/// machine is an Alibaba Cloud ECS instance.
pub const ENV_DMI_DIR: &str = "SLBCTL_DMI_DIR";
/// `--no-credential-cache`.
pub const ENV_NO_CREDENTIAL_CACHE: &str = "SLBCTL_NO_CREDENTIAL_CACHE";

/// The older `ALICLOUD_*` spellings (Terraform's provider still documents them).
pub const LEGACY_ACCESS_KEY_ID: &str = "ALICLOUD_ACCESS_KEY_ID";
pub const LEGACY_ACCESS_KEY_SECRET: &str = "ALICLOUD_ACCESS_KEY_SECRET";
pub const LEGACY_SECURITY_TOKEN: &str = "ALICLOUD_SECURITY_TOKEN";
pub const LEGACY_REGION: &str = "ALICLOUD_REGION_ID";
/// The Terraform provider's region variable, read after the two above.
pub const TERRAFORM_REGION: &str = "ALICLOUD_REGION";

/// Another path for the aliyun CLI's config.json (as credentials-go honours it).
pub const ENV_ALIYUN_CONFIG_FILE: &str = "ALIBABA_CLOUD_CONFIG_FILE";
/// `true`: do not read the aliyun CLI's config.json.
pub const ENV_CLI_PROFILE_DISABLED: &str = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";

/// Test hook: the length in milliseconds of one second of a wait (`backends wait`,
/// `--wait-healthy`, `--verify` catching up), so tests run real waits quickly.
pub const ENV_WAIT_SECOND_MS: &str = "SLBCTL_WAIT_SECOND_MS";
