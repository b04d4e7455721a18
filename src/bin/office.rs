//! Thin entry point of the office page (汇总与导入): `gk_app::start_office`.

fn main() {
    gk_app::start_office();
}
