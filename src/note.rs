//! A unit's 备注 as the pages show it: its text, with each address in it a link that opens in
//! a new tab (`gk_core::links`; never markup), and the 备注 box that grows with its text.

use gk_core::links::{links, pieces, Piece};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The note's text with its addresses as links.
pub fn note_view(note: &str) -> AnyView {
    pieces(note)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Link(shown, href) => link(shown.to_string(), href).into_any(),
        })
        .collect_view()
        .into_any()
}

fn link(shown: String, href: String) -> impl IntoView {
    view! {
        <a class="note-link" href=href target="_blank" rel="noopener noreferrer">
            {shown}
        </a>
    }
}

/// Under the 备注 box of the task table: the note's addresses as links, when it has any (the
/// box itself is text being typed).
pub fn links_line(note: &str) -> Option<AnyView> {
    let found = links(note);
    (!found.is_empty()).then(|| {
        view! {
            <span class="note-links no-print">
                "打开链接："
                {found.into_iter().map(|href| link(href.clone(), href)).collect_view()}
            </span>
        }
        .into_any()
    })
}

/// The tallest the 备注 box grows, in pixels (about twelve lines); then it scrolls.
const MAX_HEIGHT: i32 = 260;

/// Lets the 备注 box fit its text, in a browser without CSS `field-sizing` (style.css grows it
/// in the others): called as the box is focused and typed into.
pub fn fit(ev: &leptos::ev::Event) {
    if supports_field_sizing() {
        return;
    }
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let style = web_sys::HtmlElement::style(&el);
    let _ = style.set_property("height", "auto");
    let h = el.scroll_height().min(MAX_HEIGHT);
    if h > 0 {
        let _ = style.set_property("height", &format!("{}px", h + 2));
    }
}

fn supports_field_sizing() -> bool {
    thread_local! {
        static YES: bool = web_sys::css::supports_with_value("field-sizing", "content").unwrap_or(false);
    }
    YES.with(|y| *y)
}
