<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>escale::ui::ActivityWindow</name>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="+198"/>
        <source>%1: %n file(s) deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</source>
        <translation>
            <numerusform>%1: %n file deleted here at once is not deleted on the other machines yet. If you meant it, delete it everywhere; if not (a disk unplugged, a folder moved), bring it back: the other machines keep theirs meanwhile.</numerusform>
            <numerusform>%1: %n files deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <location line="+1"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n of its change sets to apply here</numerusform>
            <numerusform>%n of its change sets to apply here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::ConflictView</name>
    <message numerus="yes">
        <location filename="../ui/ConflictView.cpp" line="+157"/>
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n line differs.</numerusform>
            <numerusform>%n lines differ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::LogViewer</name>
    <message numerus="yes">
        <location filename="../ui/LogViewer.cpp" line="+176"/>
        <source>%1 — %n line(s) shown</source>
        <translation>
            <numerusform>%1 — %n line shown</numerusform>
            <numerusform>%1 — %n lines shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="+168"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>sending %1 of %n file(s)</source>
        <translation>
            <numerusform>sending %1 of %n file</numerusform>
            <numerusform>sending %1 of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>receiving %1 of %n file(s)</source>
        <translation>
            <numerusform>receiving %1 of %n file</numerusform>
            <numerusform>receiving %1 of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>about %n hour left</numerusform>
            <numerusform>about %n hours left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n file(s) changed on two machines at once: both versions are kept until you choose.</source>
        <translation>
            <numerusform>%n file changed on two machines at once: both versions are kept until you choose.</numerusform>
            <numerusform>%n files changed on two machines at once: both versions are kept until you choose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n file(s) deleted here at once wait for your confirmation before they are deleted on the other machines.</source>
        <translation>
            <numerusform>%n file deleted here at once waits for your confirmation before it is deleted on the other machines.</numerusform>
            <numerusform>%n files deleted here at once wait for your confirmation before they are deleted on the other machines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n file(s) cannot be synced for now.</source>
        <translation>
            <numerusform>%n file cannot be synced for now.</numerusform>
            <numerusform>%n files cannot be synced for now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n of its change sets to apply here</numerusform>
            <numerusform>%n of its change sets to apply here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::Notifier</name>
    <message numerus="yes">
        <location filename="../ui/Notifier.cpp" line="+64"/>
        <source>%n file(s) were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</source>
        <translation>
            <numerusform>%n file was changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</numerusform>
            <numerusform>%n files were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayModel</name>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="+72"/>
        <source>%n file(s) left (%1)</source>
        <translation>
            <numerusform>%n file left (%1)</numerusform>
            <numerusform>%n files left (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1: %n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%1: %n change waiting to be sent</numerusform>
            <numerusform>%1: %n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>, %n conflict(s) to resolve</source>
        <translation>
            <numerusform>, %n conflict to resolve</numerusform>
            <numerusform>, %n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n change(s) to send</source>
        <translation>
            <numerusform>, %n change to send</numerusform>
            <numerusform>, %n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>, %n file(s) waiting (see Activity)</source>
        <translation>
            <numerusform>, %n file waiting (see Activity)</numerusform>
            <numerusform>, %n files waiting (see Activity)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::Words</name>
    <message numerus="yes">
        <location filename="../ui/Words.cpp" line="+80"/>
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n of its change sets to apply here</numerusform>
            <numerusform>%n of its change sets to apply here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::ConnectionPage</name>
    <message numerus="yes">
        <location filename="../ui/wizard/ConnectionPage.cpp" line="+270"/>
        <source>Connected. A repository is here (%1, %n client(s)).</source>
        <translation>
            <numerusform>Connected. A repository is here (%1, %n client).</numerusform>
            <numerusform>Connected. A repository is here (%1, %n clients).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::RepositoryPage</name>
    <message numerus="yes">
        <location filename="../ui/wizard/RepositoryPage.cpp" line="+61"/>
        <source>%n machine(s) sync it; their names are encrypted and show once the passphrase is checked.</source>
        <translation>
            <numerusform>%n machine syncs it; their names are encrypted and show once the passphrase is checked.</numerusform>
            <numerusform>%n machines sync it; their names are encrypted and show once the passphrase is checked.</numerusform>
        </translation>
    </message>
</context>
</TS>
