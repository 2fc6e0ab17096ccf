//! Time to sign one request: `cargo bench --bench sign`.
//!
//! Measures the signer on the documented vector and a full RemoveBackendServers request
//! of 20 servers (common parameters, canonical query, HMAC-SHA1, base64).

use chrono::{DateTime, Utc};
use criterion::{Criterion, black_box, criterion_group, criterion_main};
use reqwest::Url;
use slbctl::signing::{
    self as sign, AccessKey, BackendAction, BackendServerRef, Group, PRODUCT, Secret, backend_action,
    sign_request,
};

fn signing(c: &mut Criterion) {
    let query = sign::canonical_query([
        ("AccessKeyId", "testid"),
        ("Action", "DescribeRegions"),
        ("Format", "XML"),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        ("SignatureVersion", "1.0"),
        ("Timestamp", "2016-02-23T12:46:24Z"),
        ("Version", "2014-05-26"),
    ]);
    let string_to_sign = sign::string_to_sign("GET", &query);
    c.bench_function("signature of the documented vector", |b| {
        b.iter(|| sign::signature(black_box("testsecret"), black_box(&string_to_sign)))
    });

    let endpoint = Url::parse("https://slb.aliyuncs.com").unwrap();
    let credentials = AccessKey {
        id: "LTAI5tBENCHMARKKEY00000".into(),
        secret: Secret::new("bench-secret"),
        security_token: None,
    };
    let servers: Vec<BackendServerRef> =
        (0..20).map(|n| BackendServerRef::new(&format!("i-bp1bench{n:012}"), None)).collect();
    let lb = Group::Default { load_balancer_id: "lb-bp1o94dp5i6earr9g6d1z".into() };
    let params = backend_action(BackendAction::Remove, "cn-hangzhou", &lb, &servers).unwrap();
    let now: DateTime<Utc> = Utc::now();
    c.bench_function("sign a RemoveBackendServers request of 20 servers", |b| {
        b.iter(|| {
            sign_request(
                &endpoint,
                PRODUCT.api_version,
                black_box(&params),
                Some(&credentials),
                now,
                "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            )
        })
    });
}

criterion_group!(benches, signing);
criterion_main!(benches);
