#pragma once

namespace server {
struct ServerConfig;
}

namespace server::cli {

// `ticket-server --database postgresql://...`: connects, applies the PostgreSQL schema
// migrations, and stops with a message, because the PostgreSQL store is not written yet
// (docs/postgresql.md). Returns the process's exit code (never 0).
int startOnPostgres(const ServerConfig &config);

} // namespace server::cli
