//! What a server embedding govgraph needs: a loaded structure, its report,
//! its graph, an analysis handle and its errors can be shared between threads and sent to them.

use govgraph::{Analysis, Error, Graph, Report, Structure};

fn shareable<T: Send + Sync>() {}

#[test]
fn structures_reports_graphs_and_errors_cross_threads() {
    shareable::<Structure>();
    shareable::<Report>();
    shareable::<Graph>();
    shareable::<Error>();
    shareable::<Analysis<'static>>();

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

#[test]
fn one_analysis_answers_on_two_threads() {
    let s = govgraph::datasets::solihull_2011();
    let analysis = s.analyse();
    let (orphans, impact) = std::thread::scope(|scope| {
        let orphans = scope.spawn(|| analysis.orphans());
        let impact = scope.spawn(|| analysis.closure_impact("trust-board"));
        (orphans.join().unwrap(), impact.join().unwrap())
    });
    assert_eq!(orphans, s.orphans());
    assert!(impact.as_ref().is_some_and(|i| !i.cut_off.is_empty()));
    assert_eq!(impact, s.closure_impact("trust-board"));
}
