// core::parsePresenceFrame: the frame clients send on the event stream.
#include "core/presence.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using core::parsePresenceFrame;
using core::PresenceFrame;

TEST(PresenceFrame, TheThreeStates)
{
    EXPECT_EQ(parsePresenceFrame(R"({"type":"presence","ticketId":7,"state":"viewing"})"),
              (PresenceFrame{7, u"viewing"_s}));
    EXPECT_EQ(parsePresenceFrame(R"({"state":"typing","ticketId":12,"type":"presence"})"),
              (PresenceFrame{12, u"typing"_s}));
    EXPECT_EQ(parsePresenceFrame(R"( {"type":"presence","ticketId":1,"state":"left","x":[1]} )"),
              (PresenceFrame{1, u"left"_s}));
    EXPECT_EQ(
        parsePresenceFrame(R"({"type":"presence","ticketId":9007199254740992,"state":"left"})")
            ->ticketId,
        9007199254740992LL);
}

TEST(PresenceFrame, AnythingElseIsNothing)
{
    const char *const refused[] = {
        "",
        "null",
        "[]",
        "{",
        "\"presence\"",
        R"({"type":"presence","ticketId":7})",
        R"({"type":"presence","state":"viewing"})",
        R"({"type":"Presence","ticketId":7,"state":"viewing"})",
        R"({"type":"presence","ticketId":0,"state":"viewing"})",
        R"({"type":"presence","ticketId":-3,"state":"viewing"})",
        R"({"type":"presence","ticketId":1.5,"state":"viewing"})",
        R"({"type":"presence","ticketId":"7","state":"viewing"})",
        R"({"type":"presence","ticketId":1e300,"state":"viewing"})",
        R"({"type":"presence","ticketId":7,"state":"sleeping"})",
        R"({"type":"presence","ticketId":7,"state":"VIEWING"})",
        R"({"type":"presence","ticketId":7,"state":null})",
        R"([{"type":"presence","ticketId":7,"state":"viewing"}])",
    };
    for (const char *frame : refused)
        EXPECT_EQ(parsePresenceFrame(frame), std::nullopt) << frame;
    // Trailing bytes after the object, and bytes that are no UTF-8 at all.
    const char trailing[] = "{\"type\":\"presence\",\"ticketId\":7,\"state\":\"left\"}\0x";
    EXPECT_EQ(parsePresenceFrame(QByteArrayView(trailing, sizeof trailing - 1)), std::nullopt);
    EXPECT_EQ(parsePresenceFrame(QByteArrayView("\xff\xfe\x00{", 4)), std::nullopt);
}
