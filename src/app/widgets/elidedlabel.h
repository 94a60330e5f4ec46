#pragma once

#include <QLabel>

// A one-line label that may be narrower than its text: it shows as much as fits, ends in
// "…", and its tool tip holds the whole text then. For status bar messages, which must
// never make a small window wider. Plain text only; text() is always the whole text.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    // Sets the text (and the tool tip, when it does not fit).
    void setFullText(const QString &text);
    bool isElided() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();
};
