//! Thin entry point: the app lives in the library (`gk_app::start`). Here too the split point of
//! the code only a chosen unit needs (src/table/unit_part.rs): in this binary only, so that the
//! office and reader pages, which link the same library, do not carry it.
#[cfg(feature = "synthetic-10k")]
mod bench;

use leptos::wasm_split::SplitLoaderError;

fn main() {
    gk_app::start(|| Box::pin(async { unit_part().await.ok() }));
}

/// The split point: scripts/finish-page.mjs moves what only this reaches into a wasm file of its
/// own, fetched on the first call (which is therefore `async`).
#[leptos::wasm_split::wasm_split(unit_part, wasm_split_path = ::leptos::wasm_split, fallible)]
fn unit_part() -> Result<gk_app::Kit, SplitLoaderError> {
    Ok(gk_app::unit_kit())
}
