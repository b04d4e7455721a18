//! Thin entry point: the app lives in the library (`gk_app::start`).
fn main() {
    gk_app::start();
}
