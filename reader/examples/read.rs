//! Prints the reading of a file: `cargo run -p gk-reader --example read -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    match gk_reader::read_file(&path, &bytes) {
        Ok(r) => println!("{}", serde_json::to_string_pretty(&r).unwrap()),
        Err(e) => eprintln!("{e}"),
    }
}
