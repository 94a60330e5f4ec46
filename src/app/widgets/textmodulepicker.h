#pragma once

#include "core/textplaceholders.h"

#include <QFrame>
#include <functional>
#include <memory>

namespace Ui {
class TextModulePicker;
}
namespace models {
class TextModuleFilter;
class TextModuleList;
} // namespace models
class QPlainTextEdit;

// The text-module picker of a composer: typing "/" at the start of a word or Ctrl+Space
// opens it at the caret; what is typed after the "/" filters it (the composer keeps the
// focus and the text); Up/Down move, Enter or a click inserts the module with its
// placeholders filled, replacing the "/query", the caret where {cursor} was; Esc closes it
// and leaves the text exactly as typed. A child of the composer's window, over the rest.
class TextModulePicker final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextModulePicker)

public:
    using Values = std::function<core::PlaceholderValues()>;

    // Watches `edit`; `values` gives the open ticket's placeholder values when needed.
    TextModulePicker(QPlainTextEdit *edit, models::TextModuleList *modules, Values values);
    ~TextModulePicker() override;

    // Gives "de", "en" or empty each time the picker opens: modules in this language come
    // first.
    using Language = std::function<QString()>;
    void setLanguage(Language language);
    bool isOpen() const { return isVisible(); }
    // Opens at the caret; with `slash` the "/" just before the caret starts the query.
    void open(bool slash);
    void close();
    QString query() const;
    // Inserts module `moduleId` at the caret, filled as from the list (the palette's
    // "Insert ..."); false when there is no such module.
    bool insert(qint64 moduleId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onContentsChange(int position, int removed, int added);
    void follow();
    void move(int by);
    void insertCurrent();
    bool insertAt(qint64 moduleId, int anchor);
    void updatePreview();
    void place();

    std::unique_ptr<Ui::TextModulePicker> m_ui;
    QPlainTextEdit *m_edit;
    models::TextModuleList *m_modules;
    models::TextModuleFilter *m_filter;
    Values m_values;
    Language m_language;
    int m_anchor = -1; // where the "/" (or, from Ctrl+Space, the query) starts
    bool m_slash = false;
    bool m_inserting = false;
};
