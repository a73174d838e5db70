//! Work split over two threads, where there are two cores.

/// Runs `a` on a new thread and `b` on this one, and gives both results;
/// runs both here, one after the other, where there is only one core or
/// threads cannot be made (as on `wasm32-unknown-unknown`).
pub(crate) fn beside<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: Fn() -> RA + Sync,
    B: FnOnce() -> RB,
    RA: Send,
{
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().spawn_scoped(scope, &a);
        let rb = b();
        let ra = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => a(),
        };
        (ra, rb)
    })
}
