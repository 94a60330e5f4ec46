# Strictness every target links (qBittorrent's CommonConfig.cmake is the model).
add_library(ticket_strict INTERFACE)
target_compile_definitions(ticket_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
target_compile_options(ticket_strict INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
