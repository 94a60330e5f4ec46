# CPack: one Debian package per install component (see packaging/CMakeLists.txt).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ticket-backoffice)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Ticket Backoffice developers")
set(CPACK_PACKAGE_CONTACT "Ticket Backoffice developers <ticket-backoffice@ticketbackoffice.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL client server)
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(_deb ${CMAKE_CURRENT_SOURCE_DIR}/debian)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME ticket-backoffice)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION misc)
# Not seen by dpkg-shlibdeps: Qt loads its platform plugins (xcb, wayland) at run time.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "qt6-qpa-plugins")
# Without --server the client starts its own local ticket-server on demo data.
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "ticket-server (= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
    "desktop client for service tickets of devices in the field
Ticket Backoffice is a fast native Qt desktop program for the staff of
companies that look after devices in the field: queues and filters of the
tickets that code users open from the mobile app, the conversation, internal
notes and history of each ticket, fleets with assignment strategies and
absences, and rating statistics.
.
Without a server address it starts a local ticket-server on demo data.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME ticket-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Not seen by dpkg-shlibdeps: Qt SQL loads its SQLite driver at run time.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "server of the Ticket Backoffice service ticket system
ticket-server is the HTTP and WebSocket API that both the Ticket Backoffice
desktop client and the code users' mobile app talk to. It keeps tickets,
conversations and attachments in SQLite.
.
The package installs a hardened systemd unit (ticket-server.service) that runs
as the system user ticket-server with its data in /var/lib/ticket-server. It
is not enabled: the administrator configures
/etc/ticket-server/ticket-server.conf and enables it.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${_deb}/ticket-server/postinst ${_deb}/ticket-server/prerm
    ${_deb}/ticket-server/postrm ${_deb}/ticket-server/conffiles)

include(CPack)
