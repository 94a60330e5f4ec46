#pragma once

// Internal to src/server/http: the complete TlsContext (Asio's SSL context over OpenSSL).

#include "tlscontext.h"

#include <boost/asio/ssl/context.hpp>

namespace server::http {

class TlsContext
{
public:
    TlsContext()
        : ssl(boost::asio::ssl::context::tls_server)
    {}
    boost::asio::ssl::context ssl;
};

} // namespace server::http
