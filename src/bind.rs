//! The parts of a page that change, kept in step with the state.
//!
//! Why the pages' markup is mostly HTML text: every element, attribute and handler written in
//! `view!` becomes its own typed code in the wasm (about 150 bytes gzipped per element), while
//! the same markup as a string costs only its text. The first load must stay small (issue 7,
//! README "Performance"), so a component writes its static markup as a string, gives the parts
//! that change an `id`, and binds them here; events are handled by one listener on the
//! component's root (`target`). Each binding boxes its closure, so that one copy of the code
//! serves them all, and it touches the page only when its value really changed.
//!
//! A binding's first run comes after the page is mounted, so its element is there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// What a binding sets.
#[derive(Clone, Copy)]
enum Sink {
    Text,
    Html,
    /// An input's value as the user sees it (the property, not the attribute).
    Value,
    /// An attribute; removed for `None`.
    Attr(&'static str),
}

/// Keeps the text of element `id` equal to `f()`.
pub fn text(id: &'static str, f: impl Fn() -> String + 'static) {
    bind(id, Sink::Text, Box::new(move || Some(f())));
}

/// Keeps the content of element `id` equal to the HTML `f()`.
pub fn html(id: &'static str, f: impl Fn() -> String + 'static) {
    bind(id, Sink::Html, Box::new(move || Some(f())));
}

/// Keeps the value of input `id` equal to `f()`.
pub fn value(id: &'static str, f: impl Fn() -> String + 'static) {
    bind(id, Sink::Value, Box::new(move || Some(f())));
}

/// Keeps attribute `name` of element `id` equal to `f()`, absent for `None`.
pub fn attr(id: &'static str, name: &'static str, f: impl Fn() -> Option<String> + 'static) {
    bind(id, Sink::Attr(name), Box::new(f));
}

/// Keeps the boolean attribute `name` (`hidden`, `disabled`) of element `id` set while `f()`.
pub fn flag(id: &'static str, name: &'static str, f: impl Fn() -> bool + 'static) {
    bind(
        id,
        Sink::Attr(name),
        Box::new(move || f().then(String::new)),
    );
}

fn bind(id: &'static str, sink: Sink, f: Box<dyn Fn() -> Option<String>>) {
    Effect::new(move |last: Option<Option<String>>| {
        let v = f();
        if last.as_ref() != Some(&v) {
            if let Some(el) = by_id(id) {
                set(&el, sink, v.as_deref());
            }
        }
        v
    });
}

fn set(el: &Element, sink: Sink, v: Option<&str>) {
    match (sink, v) {
        (Sink::Text, v) => el.set_text_content(v),
        (Sink::Html, v) => el.set_inner_html(v.unwrap_or_default()),
        (Sink::Value, v) => {
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                let v = v.unwrap_or_default();
                // Only a real change: setting the same value would move the caret.
                if input.value() != v {
                    input.set_value(v);
                }
            }
        }
        (Sink::Attr(name), Some(v)) => _ = el.set_attribute(name, v),
        (Sink::Attr(name), None) => _ = el.remove_attribute(name),
    }
}

/// The element an event happened on, or its nearest ancestor matching `selector` (e.g. the
/// button around the text that was clicked).
pub fn target(ev: &web_sys::Event, selector: &str) -> Option<Element> {
    let el = ev.target()?.dyn_into::<Element>().ok()?;
    el.closest(selector).ok().flatten()
}

/// The value of the control an event happened on (select, input), and its id.
pub fn control(ev: &web_sys::Event) -> Option<(String, String)> {
    let el = ev.target()?.dyn_into::<Element>().ok()?;
    let value = if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        el.dyn_ref::<web_sys::HtmlInputElement>()?.value()
    };
    Some((el.id(), value))
}
