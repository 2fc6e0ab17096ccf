//! Certificates made in the test (rcgen) and a rustls server configuration for the
//! fake SLB: a good one for 127.0.0.1/localhost, one for the wrong host, an expired one.

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, date_time_ymd};

/// A private certificate authority.
pub struct TestCa {
    pub cert: rcgen::Certificate,
    key: KeyPair,
}

#[derive(Clone, Copy, Debug)]
pub enum Flaw {
    None,
    /// Valid for another host only.
    WrongHost,
    /// Its validity ended in 2021.
    Expired,
}

impl TestCa {
    pub fn new(name: &str) -> TestCa {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let key = KeyPair::generate().unwrap();
        let cert = params.self_signed(&key).unwrap();
        TestCa { cert, key }
    }

    /// The CA certificate as PEM, for --ca-bundle.
    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    /// A server configuration presenting a certificate signed by this CA.
    pub fn server_config(&self, flaw: Flaw) -> Arc<rustls::ServerConfig> {
        let names = match flaw {
            Flaw::WrongHost => vec!["slb.example.com".to_owned()],
            _ => vec!["localhost".to_owned(), "127.0.0.1".to_owned()],
        };
        let mut params = CertificateParams::new(names).unwrap();
        params.distinguished_name.push(DnType::CommonName, "fake slb");
        if let Flaw::Expired = flaw {
            params.not_before = date_time_ymd(2020, 1, 1);
            params.not_after = date_time_ymd(2021, 1, 1);
        }
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &self.cert, &self.key).unwrap();
        let chain = vec![cert.der().clone()];
        let key = rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap();
        let config =
            rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(chain, key)
                .unwrap();
        Arc::new(config)
    }
}
