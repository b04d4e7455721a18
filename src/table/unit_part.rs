//! The code that only a chosen unit needs, loaded once a unit is chosen: its progress panel
//! (figures, 督办 counts, export) and its rows' controls (status, note). A first visit, with no
//! unit yet, never downloads it.
//!
//! The task table's binary (src/main.rs) reaches [`kit`] through a split point (`wasm_split`,
//! which Leptos re-exports for its `#[lazy]`) and passes it in as a [`Loader`]: the build moves
//! the code reached only through it into a wasm file of its own, fetched and instantiated on
//! the first call (scripts/finish-page.mjs, README "Performance"). The split point is in the
//! binary because its code is an export of whichever binary links it: in the library, the
//! office and reader pages would carry it too. What the kit holds are plain function pointers
//! into that code, called as any other once there.

use crate::edit;
use crate::excel::{self, CHOOSE_UNIT};
use crate::state::{ctx, Ctx};
use crate::table::progress::ProgressPanel;
use crate::table::rows::{controls, printed_note, Mine};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

/// The unit's views and exports, from the loaded code.
#[derive(Clone, Copy)]
pub struct Kit {
    pub progress: fn() -> AnyView,
    pub controls: fn(Ctx, Mine) -> AnyView,
    pub note: fn(Mine) -> AnyView,
    /// Exports the chosen unit's file to send (报送文件).
    pub export: fn(),
    /// Makes the chosen unit's Excel 台账 (`busy` meanwhile).
    pub excel: fn(RwSignal<bool>),
}

/// Fetches the kit; `None` when it cannot be fetched.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Option<Kit>>>>;

/// Where the kit is: `None` while no unit was chosen or while it loads; `Some(Err(()))` when
/// it could not be fetched (the page says so: `LOAD_FAILED`).
pub type KitSignal = ReadSignal<Option<Result<Kit, ()>>>;

pub const LOAD_FAILED: &str = "本单位的进度、导出和填写控件未能载入（可能是网络中断）。\
     已有记录不受影响；请稍后刷新页面再试。";

/// Loads the kit the first time `unit` is some, and provides it as a context for the rows.
pub fn load_on_unit(
    unit: Memo<Option<String>>,
    notices: RwSignal<Vec<String>>,
    load: Loader,
) -> KitSignal {
    let (read, write) = signal(None);
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) || unit.with(Option::is_none) {
            return started.unwrap_or(false);
        }
        leptos::task::spawn_local(async move {
            let got = load().await.ok_or(());
            if got.is_err() {
                notices.update(|n| n.push(LOAD_FAILED.to_string()));
            }
            write.set(Some(got));
        });
        true
    });
    provide_context(read);
    read
}

/// Runs `f` with the unit's code: at once when it is there, else once it has loaded (nothing
/// when it cannot load: the page said so already, `LOAD_FAILED`). For the buttons outside the
/// unit's code that need it: the masthead's 导出 Excel, the folded filter bar's 导出报送.
pub fn with_kit(f: impl FnOnce(Kit) + 'static) {
    let Some(kit) = use_context::<KitSignal>() else {
        return;
    };
    if let Some(Ok(k)) = kit.get_untracked() {
        return f(k);
    }
    let f = std::cell::Cell::new(Some(f));
    Effect::new(move || {
        if let Some(Ok(k)) = kit.get() {
            if let Some(f) = f.take() {
                f(k);
            }
        }
    });
}

/// The masthead's 导出 Excel: the chosen unit's 台账, through the unit's code. Without a unit
/// the code never loads, so the notice is said here (`excel::unit_workbook` says it too, for a unit
/// cleared while the code loaded).
pub fn excel(busy: RwSignal<bool>) {
    let c = ctx();
    if c.unit.with_untracked(Option::is_none) {
        c.notices.update(|n| n.push(CHOOSE_UNIT.into()));
        return;
    }
    with_kit(move |k| (k.excel)(busy));
}

/// The unit's views: what the split point returns.
pub fn kit() -> Kit {
    Kit {
        progress: || view! { <ProgressPanel /> }.into_any(),
        controls: |c, m| controls(c, m).into_any(),
        note: |m| printed_note(m).into_any(),
        export: edit::export_chosen,
        excel: excel::unit_workbook,
    }
}
