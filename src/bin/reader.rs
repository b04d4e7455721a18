//! Thin entry point of the 导入任务表 page: `gk_app::start_reader`.

fn main() {
    gk_app::start_reader();
}
