#include "widgets/logindialog.h"

#include "ui_logindialog.h"
#include "widgets/widgetstyle.h"

#include <QLineEdit>
#include <QPushButton>

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LoginDialog>())
{
    m_ui->setupUi(this);
    m_ui->serverComboBox->lineEdit()->setPlaceholderText(tr("https://tickets.example.com"));
    m_ui->serverComboBox->lineEdit()->setClearButtonEnabled(true);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));

    applyErrorColor();
    m_ui->errorLabel->hide();
    m_ui->busyLabel->hide();
    m_ui->keychainNoteLabel->hide();

    connect(m_ui->serverComboBox, &QComboBox::editTextChanged, this, &LoginDialog::updateState);
    connect(m_ui->loginLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_ui->passwordLineEdit, &QLineEdit::textChanged, this, &LoginDialog::updateState);
    // Not QDialog::accept: the dialog stays open until the caller's sign-in succeeds.
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    updateState();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setServers(const QStringList &servers)
{
    m_ui->serverComboBox->clear();
    m_ui->serverComboBox->addItems(servers);
    if (!servers.isEmpty())
        m_ui->serverComboBox->setCurrentIndex(0);
    updateState();
}

void LoginDialog::setLogin(const QString &login)
{
    m_ui->loginLineEdit->setText(login);
    if (!login.isEmpty())
        m_ui->passwordLineEdit->setFocus();
}

void LoginDialog::setRemember(bool remember)
{
    m_ui->rememberCheckBox->setChecked(remember && m_keychainAvailable);
}

void LoginDialog::setKeychainAvailable(bool available)
{
    m_keychainAvailable = available;
    if (!available)
        m_ui->rememberCheckBox->setChecked(false);
    m_ui->keychainNoteLabel->setVisible(!available);
    updateState();
}

void LoginDialog::setError(const QString &message)
{
    m_ui->errorLabel->setText(message);
    m_ui->errorLabel->setVisible(!message.isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    updateState();
}

QString LoginDialog::server() const
{
    return m_ui->serverComboBox->currentText().trimmed();
}

QString LoginDialog::login() const
{
    return m_ui->loginLineEdit->text().trimmed();
}

QString LoginDialog::password() const
{
    // Not trimmed: spaces may be part of a password.
    return m_ui->passwordLineEdit->text();
}

bool LoginDialog::remember() const
{
    return m_keychainAvailable && m_ui->rememberCheckBox->isChecked();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyErrorColor();
    QDialog::changeEvent(event);
}

void LoginDialog::applyErrorColor()
{
    QPalette errorPalette = m_ui->errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, widgets::errorTextColor(palette()));
    m_ui->errorLabel->setPalette(errorPalette);
}

void LoginDialog::submit()
{
    if (m_busy || !isComplete())
        return;
    setError({});
    Q_EMIT loginRequested(server(), login(), password(), remember());
}

bool LoginDialog::isComplete() const
{
    return !server().isEmpty() && !login().isEmpty() && !password().isEmpty();
}

void LoginDialog::updateState()
{
    const bool inputs = !m_busy;
    m_ui->serverComboBox->setEnabled(inputs);
    m_ui->loginLineEdit->setEnabled(inputs);
    m_ui->passwordLineEdit->setEnabled(inputs);
    m_ui->rememberCheckBox->setEnabled(inputs && m_keychainAvailable);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(inputs && isComplete());
}
