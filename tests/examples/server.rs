//! A minimal SMTP server whose replies are written by `smtp_codes::io::ReplyCodec`.
//!
//! ```sh
//! cargo run -p smtp-codes-tests --example server -- 127.0.0.1:2525
//! swaks --server 127.0.0.1:2525 --to unknown@example.test   # 550 5.1.1
//! ```
//!
//! It serves sessions, one after another or at once, until it is stopped (Ctrl-C). What it
//! answers is described in `tests/src/server.rs`.

use std::net::SocketAddr;

use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let Some(address) = std::env::args().nth(1) else {
        eprintln!("usage: server ADDRESS:PORT   (e.g. 127.0.0.1:2525)");
        std::process::exit(2);
    };
    let address: SocketAddr = address.parse().unwrap_or_else(|error| {
        eprintln!("server: {address:?} is not an address and port: {error}");
        std::process::exit(2);
    });
    let listener = TcpListener::bind(address).await?;
    eprintln!("listening on {}", listener.local_addr()?);
    smtp_codes_tests::server::serve(listener).await
}
