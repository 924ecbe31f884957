//! Print what the knowledge base knows about each argument: `cargo run -p eventwire-kb --example kb_lookup -- Moscow Brussels`
fn main() {
    let kb = match eventwire_kb::KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("knowledge base: {e}");
            std::process::exit(1);
        }
    };
    for name in std::env::args().skip(1) {
        for r in kb.lookup(&name) {
            println!("{name}: {:?} {:?} {}", r.kind, r.via, kb.entity(*r).kb_id());
        }
        println!(
            "{name}: metonym {:?} demonym {:?} role {:?}",
            kb.metonym(&name),
            kb.demonym(&name),
            kb.role(&name)
        );
    }
}
