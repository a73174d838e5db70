//! Work split over two threads, where there are two cores.

/// Runs `a` on a new thread and `b` on this one, and gives both results.
/// Runs both here, one after the other, when `worth_a_thread` is false (the
/// work is too small to pay for starting a thread), where there is only one
/// core, or where threads cannot be made (as on `wasm32-unknown-unknown`).
pub(crate) fn beside<A, B, RA, RB>(worth_a_thread: bool, a: A, b: B) -> (RA, RB)
where
    A: Fn() -> RA + Sync,
    B: FnOnce() -> RB,
    RA: Send,
{
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if !worth_a_thread || cores < 2 {
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
