// core/textplaceholders: the one list of placeholders and the fill both sides use.
#include "core/textplaceholders.h"
#include "core/types.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace {

core::PlaceholderValues values()
{
    core::Ticket t;
    t.summary.number = u"T-000042"_s;
    t.summary.title = u"Drucker klemmt"_s;
    t.device.name = u"Aufzug Haupthaus"_s;
    t.device.serial = u"SN-1"_s;
    t.device.location = u"Köln"_s;
    t.createdBy = {u"code_user"_s, 7, u"Frau Öztürk"_s};
    return core::PlaceholderValues::of(t, u"Jonas Weber"_s);
}

TEST(TextPlaceholders, FillsEveryPlaceholderAndPlacesTheCursor)
{
    const core::FilledText f = core::fillPlaceholders(
        u"{ticket.number} {ticket.title} {device.name} {device.serial} {device.location} "
        "{codeUser.name} {me.name} {me.firstName}: {cursor}!"_s,
        values());
    EXPECT_EQ(f.text, u"T-000042 Drucker klemmt Aufzug Haupthaus SN-1 Köln Frau Öztürk Jonas "
                      "Weber Jonas: !"_s);
    EXPECT_EQ(f.cursor, f.text.size() - 1);
}

TEST(TextPlaceholders, UnknownOnesStayAndAreReported)
{
    const core::FilledText f =
        core::fillPlaceholders(u"{x} {ticket.number}{cursor}{cursor}"_s, values());
    EXPECT_EQ(f.text, u"{x} T-000042"_s);
    EXPECT_EQ(f.cursor, f.text.size());
    EXPECT_EQ(core::fillPlaceholders(u"no cursor"_s, values()).cursor, -1);
    EXPECT_EQ(core::unknownPlaceholder(u"Hi {me.name}, {ticket.nummer}"_s), u"{ticket.nummer}"_s);
    EXPECT_TRUE(core::unknownPlaceholder(u"Hi {me.name} {cursor}"_s).isEmpty());
    EXPECT_EQ(core::textPlaceholders().size(), 9);
}

TEST(TextPlaceholders, AStaffAuthorIsNoCodeUser)
{
    core::Ticket t;
    t.createdBy = {u"staff"_s, 1, u"Jonas Weber"_s};
    EXPECT_TRUE(core::PlaceholderValues::of(t, u"  "_s).codeUserName.isEmpty());
    EXPECT_TRUE(core::PlaceholderValues::of(t, u"Anna"_s).meFirstName == u"Anna"_s);
}

} // namespace

TEST(TextPlaceholders, AnUnknownNameLeavesNoSpaceBeforePunctuation)
{
    core::PlaceholderValues v = values();
    v.codeUserName.clear(); // a code user who gave no name
    EXPECT_EQ(core::fillPlaceholders(u"Guten Tag {codeUser.name},\nDanke"_s, v).text,
              u"Guten Tag,\nDanke"_s);
    EXPECT_EQ(core::fillPlaceholders(u"Hello {codeUser.name}!"_s, v).text, u"Hello!"_s);
    EXPECT_EQ(core::fillPlaceholders(u"Hello {codeUser.name}"_s, v).text, u"Hello"_s);
    // Between words the text stays as written; a known name keeps its space.
    EXPECT_EQ(core::fillPlaceholders(u"an {codeUser.name} und"_s, v).text, u"an  und"_s);
    EXPECT_EQ(core::fillPlaceholders(u"Guten Tag {codeUser.name},"_s, values()).text,
              u"Guten Tag Frau Öztürk,"_s);
    // The caret placed before it keeps its place.
    const core::FilledText f = core::fillPlaceholders(u"Hi {cursor}{codeUser.name}."_s, v);
    EXPECT_EQ(f.text, u"Hi ."_s);
    EXPECT_EQ(f.cursor, 3);
}
