//! What a server embedding govgraph needs: a loaded structure, its report,
//! its graph and its errors can be shared between threads and sent to them.

use govgraph::{Error, Graph, Report, Structure};

fn shareable<T: Send + Sync>() {}

#[test]
fn structures_reports_graphs_and_errors_cross_threads() {
    shareable::<Structure>();
    shareable::<Report>();
    shareable::<Graph>();
    shareable::<Error>();

    let s = govgraph::datasets::halton_2008();
    let orphans = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| s.report().orphans().len()))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap())
            .collect::<Vec<_>>()
    });
    assert_eq!(orphans[0], orphans[1]);
}
