//! Thin entry point: the app lives in the library (`gk_app::start`).
#[cfg(feature = "synthetic-10k")]
mod bench;

fn main() {
    gk_app::start();
}
