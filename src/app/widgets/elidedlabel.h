#pragma once

#include <QLabel>

// A one-line label that may be narrower than its text: it shows as much as fits, ends in
// "…", and its tool tip holds the whole text then. For status bar messages, which must
// never make a small window wider, and headings whose end matters (setKeptEnd()).
// Plain text only; text() is always the whole text.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)
    Q_PROPERTY(Qt::TextElideMode elideMode READ elideMode WRITE setElideMode)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    // Sets the text (and the tool tip, when it does not fit).
    void setFullText(const QString &text);
    bool isElided() const;
    // What is shown: the text, or as much as fits with "…" where the elide mode says.
    QString shownText() const;
    Qt::TextElideMode elideMode() const { return m_elideMode; }
    void setElideMode(Qt::TextElideMode mode);
    // An end the text keeps whole when it is cut (a heading's count): the rest is cut at
    // its right instead. Empty: none.
    void setKeptEnd(const QString &end);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();

    Qt::TextElideMode m_elideMode = Qt::ElideRight;
    QString m_keptEnd;
};
