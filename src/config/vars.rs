//! The names of the environment variables slbctl reads, defined once: clap's `env =`
//! fallbacks in `cli`, the resolution here, the credential chain and the messages all
//! use these constants.

/// `--profile`.
pub const ENV_SLBCTL_PROFILE: &str = "SLBCTL_PROFILE";
/// `--config`.
pub const ENV_CONFIG: &str = "SLBCTL_CONFIG";
/// `--endpoint`.
pub const ENV_ENDPOINT: &str = "SLBCTL_ENDPOINT";
/// `--retries`.
pub const ENV_RETRIES: &str = "SLBCTL_RETRIES";
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

/// The older `ALICLOUD_*` spellings (Terraform's provider still documents them).
pub const LEGACY_ACCESS_KEY_ID: &str = "ALICLOUD_ACCESS_KEY_ID";
pub const LEGACY_ACCESS_KEY_SECRET: &str = "ALICLOUD_ACCESS_KEY_SECRET";
pub const LEGACY_SECURITY_TOKEN: &str = "ALICLOUD_SECURITY_TOKEN";
pub const LEGACY_REGION: &str = "ALICLOUD_REGION_ID";
