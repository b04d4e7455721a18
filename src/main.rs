//! Thin entry point: the app lives in the library (`gk_app::start`).
#[cfg(feature = "synthetic-10k")]
mod bench;

fn main() {
    gk_app::start();
    // The whole table is in the page now (mounting is synchronous): `make bench` measures
    // time to table by this mark.
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("table-rendered");
    }
}
