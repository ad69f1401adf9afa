// Graphs start real servers on two cores: one at a time keeps timings honest and start-ups unhurried.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
