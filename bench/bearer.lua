-- wrk: every request carries the bearer token from the environment (never on a command line, where ps shows it).
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
