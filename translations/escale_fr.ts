<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../ui/wizard/PageHelpers.cpp" line="22"/>
        <source>Browse...</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>escale::ui::AboutBox</name>
    <message>
        <location filename="../ui/AboutBox.cpp" line="19"/>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../ui/AboutBox.cpp" line="26"/>
        <source>&lt;h3&gt;Escale %1&lt;/h3&gt;&lt;p&gt;Keeps folders in sync between machines that cannot reach each other, through a relay storage they share, end-to-end encrypted.&lt;/p&gt;&lt;p&gt;Free software under the CeCILL-C licence.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;br&gt;State: %3&lt;br&gt;Log: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Escale %1&lt;/h3&gt;&lt;p&gt;Garde des dossiers synchronisés entre des machines qui ne peuvent pas se joindre, par un stockage relais qu’elles partagent, chiffré de bout en bout.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence CeCILL-C.&lt;/p&gt;&lt;p&gt;Configuration : %2&lt;br&gt;État : %3&lt;br&gt;Journal : %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>escale::ui::AccessDialog</name>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="21"/>
        <source>What syncs</source>
        <translation>Ce qui se synchronise</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="24"/>
        <source>Repository:</source>
        <translation>Dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="32"/>
        <source>Untick &quot;Send&quot; to keep a file or folder on this machine only; untick &quot;Receive&quot; to stop taking the other machines&apos; changes to it. A folder&apos;s choice holds for everything in it unless set again below; inherited values are in italics.</source>
        <translation>Décochez « Envoyer » pour garder un fichier ou un dossier sur cette machine seulement ; décochez « Recevoir » pour ne plus prendre les modifications des autres machines. Le choix fait sur un dossier vaut pour tout son contenu, sauf choix différent plus bas ; les valeurs héritées sont en italique.</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="44"/>
        <source>Inherit from the folder above</source>
        <translation>Hériter du dossier parent</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="80"/>
        <source>The state of &apos;%1&apos; cannot be opened: %2</source>
        <translation>L’état de « %1 » ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="96"/>
        <source>%1: applied now.</source>
        <translation>%1 : appliqué maintenant.</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="97"/>
        <source>%1: applied at the next sync (%2).</source>
        <translation>%1 : appliqué à la prochaine synchronisation (%2).</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="101"/>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
</context>
<context>
    <name>escale::ui::AccessTreeModel</name>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="200"/>
        <source>inherited</source>
        <translation>hérité</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="211"/>
        <source>Sent to the other machines</source>
        <translation>Envoyé aux autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="211"/>
        <source>Not sent to the other machines</source>
        <translation>Non envoyé aux autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="212"/>
        <source>Received from the other machines</source>
        <translation>Reçu des autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="213"/>
        <source>Not received from the other machines</source>
        <translation>Non reçu des autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="215"/>
        <source>%1 (set here)</source>
        <translation>%1 (choisi ici)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="216"/>
        <source>%1 (from the folder %2)</source>
        <translation>%1 (hérité du dossier %2)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="216"/>
        <source>%1 (the default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="239"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="241"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="243"/>
        <source>Receive</source>
        <translation>Recevoir</translation>
    </message>
</context>
<context>
    <name>escale::ui::ActivityWindow</name>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="56"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Relay space</source>
        <translation>Place sur le relais</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>To send</source>
        <translation>À envoyer</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>To receive</source>
        <translation>À recevoir</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Speed</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Left</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="72"/>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="81"/>
        <source>Recent changes</source>
        <translation>Modifications récentes</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="86"/>
        <source>A file changed on two machines at once keeps both versions: the one under its name and a conflict copy. Choose which to keep; what goes is kept in the folder&apos;s .escale-archive.</source>
        <translation>Un fichier modifié sur deux machines à la fois garde les deux versions : celle sous son nom et une copie de conflit. Choisissez laquelle garder ; celle qui part est conservée dans le .escale-archive du dossier.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>Other version from</source>
        <translation>Autre version de</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>Its date</source>
        <translation>Sa date</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="99"/>
        <location filename="../ui/ActivityWindow.cpp" line="358"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="101"/>
        <location filename="../ui/ActivityWindow.cpp" line="359"/>
        <source>Keep theirs</source>
        <translation>Garder l’autre</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="103"/>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="105"/>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="115"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="124"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Pending work</source>
        <translation>Travail en attente</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="129"/>
        <source>Other machines</source>
        <translation>Autres machines</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="147"/>
        <source>Nothing came or went yet.</source>
        <translation>Rien n’est encore arrivé ni parti.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="198"/>
        <source>%1: %n file(s) deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</source>
        <translation>
            <numerusform>%1 : %n fichier supprimé ici d’un coup n’est pas encore supprimé sur les autres machines. Si c’était voulu, supprimez-le partout ; sinon (un disque débranché, un dossier déplacé), remettez-le : les autres machines gardent le leur en attendant.</numerusform>
            <numerusform>%1 : %n fichiers supprimés ici d’un coup ne sont pas encore supprimés sur les autres machines. Si c’était voulu, supprimez-les partout ; sinon (un disque débranché, un dossier déplacé), remettez-les : les autres machines gardent les leurs en attendant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="206"/>
        <source>Delete them everywhere</source>
        <translation>Les supprimer partout</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="212"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="232"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="235"/>
        <source>syncing</source>
        <translation>synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="238"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="239"/>
        <source>up to date (%1)</source>
        <translation>à jour (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="240"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="243"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="246"/>
        <source>relay unreachable</source>
        <translation>relais injoignable</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="249"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="252"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="255"/>
        <source>not known yet</source>
        <translation>pas encore connue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="257"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 sur %2 (%3 %)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="261"/>
        <location filename="../ui/ActivityWindow.cpp" line="262"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="284"/>
        <source>(between files)</source>
        <translation>(entre deux fichiers)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="285"/>
        <source>↑ %1</source>
        <translation>↑ %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="285"/>
        <source>↓ %1</source>
        <translation>↓ %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="290"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="293"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="295"/>
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n fichier, %1</numerusform>
            <numerusform>%n fichiers, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="299"/>
        <source>Nothing is being transferred.</source>
        <translation>Aucun transfert en cours.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="346"/>
        <source>No conflict: nothing to resolve.</source>
        <translation>Aucun conflit : rien à résoudre.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="383"/>
        <source>unknown machine</source>
        <translation>machine inconnue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="385"/>
        <source>Keep mine (%1)</source>
        <translation>Garder la mienne (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="386"/>
        <source>Keep theirs (%1)</source>
        <translation>Garder l’autre (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="388"/>
        <location filename="../ui/ActivityWindow.cpp" line="389"/>
        <source>Keep %1&apos;s</source>
        <translation>Garder celle de %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="478"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="482"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="491"/>
        <source>No problem: every repository syncs.</source>
        <translation>Aucun problème : chaque dépôt se synchronise.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="506"/>
        <source>not seen yet</source>
        <translation>pas encore vue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="513"/>
        <source>No other machine has joined yet.</source>
        <translation>Aucune autre machine n’a encore rejoint.</translation>
    </message>
</context>
<context>
    <name>escale::ui::ConflictView</name>
    <message>
        <location filename="../ui/ConflictView.cpp" line="63"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="88"/>
        <source>Choose a conflict above to see both versions.</source>
        <translation>Choisissez un conflit ci-dessus pour voir les deux versions.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="94"/>
        <source>Mine (this machine, %1)</source>
        <translation>La mienne (cette machine, %1)</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="95"/>
        <source>From a machine not known here</source>
        <translation>D’une machine inconnue ici</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="96"/>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="99"/>
        <source>Changed %1 · %2</source>
        <translation>Modifiée %1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="101"/>
        <source>Not there any more</source>
        <translation>N’est plus là</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="107"/>
        <source>under the file&apos;s name</source>
        <translation>sous le nom du fichier</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="108"/>
        <source>the conflict copy</source>
        <translation>la copie de conflit</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="114"/>
        <source>Not a small text file: open each version to compare them.</source>
        <translation>Pas un petit fichier texte : ouvrez chaque version pour les comparer.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="120"/>
        <source>Too long to compare here: open each version to compare them.</source>
        <translation>Trop long pour être comparé ici : ouvrez chaque version pour les comparer.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="156"/>
        <source>The two versions have the same lines.</source>
        <translation>Les deux versions ont les mêmes lignes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ConflictView.cpp" line="157"/>
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n ligne diffère.</numerusform>
            <numerusform>%n lignes diffèrent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::DesktopNotifications</name>
    <message>
        <location filename="../ui/DesktopNotifications.cpp" line="52"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>escale::ui::LogViewer</name>
    <message>
        <location filename="../ui/LogViewer.cpp" line="31"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="38"/>
        <source>Everything, details included</source>
        <translation>Tout, détails compris</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="39"/>
        <source>Information, warnings and errors</source>
        <translation>Informations, avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="40"/>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="41"/>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="45"/>
        <source>Words to find</source>
        <translation>Mots à chercher</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="47"/>
        <source>Repository:</source>
        <translation>Dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="49"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="63"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="65"/>
        <source>Copies the lines shown, to paste them in a message or a bug report</source>
        <translation>Copie les lignes affichées, pour les coller dans un message ou un rapport de bogue</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="66"/>
        <source>Open the log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="141"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="175"/>
        <source>%1 cannot be read by you: check its permissions</source>
        <translation>%1 ne peut pas être lu par vous : vérifiez ses droits</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/LogViewer.cpp" line="176"/>
        <source>%1 — %n line(s) shown</source>
        <translation>
            <numerusform>%1 — %n ligne affichée</numerusform>
            <numerusform>%1 — %n lignes affichées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="174"/>
        <source>%1 does not exist yet: nothing was logged</source>
        <translation>%1 n’existe pas encore : rien n’a été journalisé</translation>
    </message>
</context>
<context>
    <name>escale::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="294"/>
        <source>Escale</source>
        <translation>Escale</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="355"/>
        <source>Activity...</source>
        <translation>Activité…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="111"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>Resolve...</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>Details...</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="160"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>Syncing</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>Looking for changes…</source>
        <translation>Recherche de modifications…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="168"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>Paused until %1</source>
        <translation>En pause jusqu’à %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="174"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="178"/>
        <source>The relay cannot be reached: Escale tries again</source>
        <translation>Le relais est injoignable : Escale réessaie</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="182"/>
        <source>Sync failed: Escale tries again</source>
        <translation>La synchronisation a échoué : Escale réessaie</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="186"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="197"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="197"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="201"/>
        <source>Last sync: %1 · Folder: %2 · Relay: %3</source>
        <translation>Dernière synchronisation : %1 · Dossier : %2 · Relais : %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="202"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="215"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="219"/>
        <source>sending %1 of %n file(s)</source>
        <translation>
            <numerusform>envoi de %1 sur %n fichier</numerusform>
            <numerusform>envoi de %1 sur %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="222"/>
        <source>receiving %1 of %n file(s)</source>
        <translation>
            <numerusform>réception de %1 sur %n fichier</numerusform>
            <numerusform>réception de %1 sur %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="228"/>
        <source>less than a minute left</source>
        <translation>moins d’une minute restante</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="229"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>environ %n minute restante</numerusform>
            <numerusform>environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="230"/>
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>environ %n heure restante</numerusform>
            <numerusform>environ %n heures restantes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Now sending %1</source>
        <translation>Envoi en cours : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>Now receiving %1</source>
        <translation>Réception en cours : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="245"/>
        <source>%n file(s) changed on two machines at once: both versions are kept until you choose.</source>
        <translation>
            <numerusform>%n fichier modifié sur deux machines à la fois : les deux versions sont gardées jusqu’à votre choix.</numerusform>
            <numerusform>%n fichiers modifiés sur deux machines à la fois : les deux versions sont gardées jusqu’à votre choix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="251"/>
        <source>%n file(s) deleted here at once wait for your confirmation before they are deleted on the other machines.</source>
        <translation>
            <numerusform>%n fichier supprimé ici d’un coup attend votre confirmation avant d’être supprimé sur les autres machines.</numerusform>
            <numerusform>%n fichiers supprimés ici d’un coup attendent votre confirmation avant d’être supprimés sur les autres machines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="255"/>
        <source>%n file(s) cannot be synced for now.</source>
        <translation>
            <numerusform>%n fichier ne peut pas être synchronisé pour l’instant.</numerusform>
            <numerusform>%n fichiers ne peuvent pas être synchronisés pour l’instant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="304"/>
        <source>Escale is not set up yet. Choose a folder to keep in sync, and the relay storage your machines share (a WebDAV or S3 service, an FTP or SFTP server, a shared or removable drive).</source>
        <translation>Escale n’est pas encore configuré. Choisissez un dossier à garder synchronisé, et le stockage relais que vos machines partagent (un service WebDAV ou S3, un serveur FTP ou SFTP, un disque partagé ou amovible).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="309"/>
        <source>Set up a folder to sync...</source>
        <translation>Configurer un dossier à synchroniser…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="333"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="338"/>
        <source>Double-click a file to open it</source>
        <translation>Double-cliquez sur un fichier pour l’ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="344"/>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="348"/>
        <source>Pending work</source>
        <translation>Travail en attente</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="349"/>
        <source>Other machines</source>
        <translation>Autres machines</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="359"/>
        <source>Add repository...</source>
        <translation>Ajouter un dépôt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="361"/>
        <source>Log...</source>
        <translation>Journal…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="363"/>
        <source>About...</source>
        <translation>À propos…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="467"/>
        <source>No file came or went yet.</source>
        <translation>Aucun fichier n’est encore arrivé ni parti.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="478"/>
        <source>not seen yet</source>
        <translation>pas encore vue</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="483"/>
        <source>No other machine has joined yet.</source>
        <translation>Aucune autre machine n’a encore rejoint.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="490"/>
        <source>Configuration: %1</source>
        <translation>Configuration : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="500"/>
        <source>Escale cannot use the configuration %1:

%2</source>
        <translation>Escale ne peut pas utiliser la configuration %1 :

%2</translation>
    </message>
</context>
<context>
    <name>escale::ui::Notifier</name>
    <message>
        <location filename="../ui/Notifier.cpp" line="24"/>
        <source>%1: the keychain is not available</source>
        <translation>%1 : le trousseau n’est pas disponible</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="25"/>
        <source>%1
Unlock the keychain (log in to the desktop session), or keep the password and passphrase in files readable only by you (&apos;password = /path&apos;, &apos;passphrase = /path&apos;).</source>
        <translation>%1
Déverrouillez le trousseau (ouvrez la session de bureau), ou gardez le mot de passe et la phrase secrète dans des fichiers lisibles par vous seul (« password = /chemin », « passphrase = /chemin »).</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="29"/>
        <source>%1: sync failed</source>
        <translation>%1 : échec de la synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="46"/>
        <source>%1 is in sync</source>
        <translation>%1 est synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="47"/>
        <source>%1 is synchronised with %2.</source>
        <translation>%1 est synchronisé avec %2.</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="63"/>
        <source>%1: conflicting changes</source>
        <translation>%1 : modifications en conflit</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Notifier.cpp" line="64"/>
        <source>%n file(s) were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</source>
        <translation>
            <numerusform>%n fichier a été modifié sur deux machines à la fois ; les deux versions sont gardées. Résolvez le conflit dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform>
            <numerusform>%n fichiers ont été modifiés sur deux machines à la fois ; les deux versions sont gardées. Résolvez les conflits dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="68"/>
        <source>%1: the relay is full</source>
        <translation>%1 : le relais est plein</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="69"/>
        <source>Uploads wait until the other machines take their copies (disk quota reached).</source>
        <translation>Les envois attendent que les autres machines aient pris leur copie (quota atteint).</translation>
    </message>
</context>
<context>
    <name>escale::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="112"/>
        <source>Start Escale when I log in</source>
        <translation>Lancer Escale à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="117"/>
        <source>Show notifications (first sync, conflicts, errors, a full relay)</source>
        <translation>Afficher les notifications (première synchronisation, conflits, erreurs, relais plein)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="122"/>
        <source>The system&apos;s</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="142"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="143"/>
        <source>Log level:</source>
        <translation>Niveau de journal :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="146"/>
        <source>The language applies at the next start. Configuration file: %1</source>
        <translation>La langue s’applique au prochain démarrage. Fichier de configuration : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="153"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="186"/>
        <source>&apos;%1&apos; in the configuration</source>
        <translation>« %1 » dans la configuration</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="208"/>
        <source>Folder and relay</source>
        <translation>Dossier et relais</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="209"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="219"/>
        <source>Local folder:</source>
        <translation>Dossier local :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="220"/>
        <source>%1
(to move the repository elsewhere: escalectl migrate %2 NEW-ADDRESS)</source>
        <translation>%1
(pour déplacer le dépôt ailleurs : escalectl migrate %2 NOUVELLE-ADRESSE)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="225"/>
        <source>Relay:</source>
        <translation>Relais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="234"/>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="234"/>
        <location filename="../ui/SettingsDialog.cpp" line="256"/>
        <location filename="../ui/SettingsDialog.cpp" line="294"/>
        <location filename="../ui/SettingsDialog.cpp" line="295"/>
        <location filename="../ui/SettingsDialog.cpp" line="296"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="230"/>
        <source>kept in %1</source>
        <translation>gardé dans %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="231"/>
        <source>unchanged (in the keychain)</source>
        <translation>inchangé (dans le trousseau)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="235"/>
        <source>New password:</source>
        <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="239"/>
        <source>This machine&apos;s name:</source>
        <translation>Nom de cette machine :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="239"/>
        <source>the host name</source>
        <translation>le nom d’hôte</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="242"/>
        <source>Send and receive</source>
        <translation>Envoyer et recevoir</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="243"/>
        <source>Send only</source>
        <translation>Envoyer seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="244"/>
        <source>Receive only</source>
        <translation>Recevoir seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="248"/>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="249"/>
        <source>Encryption:</source>
        <translation>Chiffrement :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="251"/>
        <source>What syncs</source>
        <translation>Ce qui se synchronise</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="252"/>
        <source>Only these files:</source>
        <translation>Seulement ces fichiers :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="252"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="253"/>
        <source>Files never synced:</source>
        <translation>Fichiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="253"/>
        <source>none (patterns, separated by commas)</source>
        <translation>aucun (motifs, séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="254"/>
        <source>Only these extensions:</source>
        <translation>Seulement ces extensions :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="254"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="255"/>
        <source>Only these folders:</source>
        <translation>Seulement ces dossiers :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="255"/>
        <source>every folder</source>
        <translation>tous les dossiers</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="256"/>
        <source>Folders never synced:</source>
        <translation>Dossiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="329"/>
        <source>Ask before deleting more than:</source>
        <translation>Demander avant de supprimer plus de :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="329"/>
        <source>50% (or a number of files)</source>
        <translation>50% (ou un nombre de fichiers)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="271"/>
        <source>Choose per file...</source>
        <translation>Choisir fichier par fichier…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="276"/>
        <source>Relay space and speed</source>
        <translation>Place sur le relais et débit</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="277"/>
        <source>Relay quota:</source>
        <translation>Quota du relais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="277"/>
        <source>unlimited (e.g. 5GB)</source>
        <translation>illimité (par ex. 5GB)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="330"/>
        <source>Copies before freeing:</source>
        <translation>Copies avant libération :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="330"/>
        <source>every machine (0)</source>
        <translation>chaque machine (0)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="278"/>
        <source>Check the relay every:</source>
        <translation>Consulter le relais toutes les :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="331"/>
        <source>Check every second after activity for:</source>
        <translation>Consulter chaque seconde après une activité pendant :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="331"/>
        <source>2min (0: never)</source>
        <translation>2min (0 : jamais)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="278"/>
        <source>30s</source>
        <translation>30s</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="265"/>
        <source>Left out unless ticked: %1, and the folders %2.</source>
        <translation>Laissés de côté sauf si coché : %1, et les dossiers %2.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="279"/>
        <source>Parallel transfers:</source>
        <translation>Transferts en parallèle :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="279"/>
        <source>4</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="280"/>
        <source>Upload limit:</source>
        <translation>Limite d’envoi :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="280"/>
        <source>unlimited (e.g. 2MB per second: 2MB)</source>
        <translation>illimitée (par ex. 2 Mo par seconde : 2MB)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="281"/>
        <source>Download limit:</source>
        <translation>Limite de réception :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="281"/>
        <source>unlimited</source>
        <translation>illimitée</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="332"/>
        <source>Wait for an absent machine:</source>
        <translation>Attendre une machine absente :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="332"/>
        <location filename="../ui/SettingsDialog.cpp" line="333"/>
        <source>30d</source>
        <translation>30d</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="333"/>
        <source>Keep replaced versions:</source>
        <translation>Garder les versions remplacées :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="334"/>
        <source>8MB</source>
        <translation>8MB</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="336"/>
        <source>Timeout:</source>
        <translation>Délai d’attente :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="336"/>
        <source>60s</source>
        <translation>60s</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="337"/>
        <source>Retries:</source>
        <translation>Nouveaux essais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="337"/>
        <source>5</source>
        <translation>5</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="290"/>
        <source>Connection and security</source>
        <translation>Connexion et sécurité</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="297"/>
        <source>Oldest TLS version:</source>
        <translation>Version TLS minimale :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="297"/>
        <source>TLS 1.2</source>
        <translation>TLS 1.2</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="293"/>
        <source>Authority certificate:</source>
        <translation>Certificat d’autorité :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="293"/>
        <source>the system&apos;s</source>
        <translation>ceux du système</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="295"/>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="296"/>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="294"/>
        <source>Trusted certificate fingerprint:</source>
        <translation>Empreinte de certificat reconnue :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="303"/>
        <source>SSH host key:</source>
        <translation>Clé d’hôte SSH :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="303"/>
        <source>from known hosts</source>
        <translation>celle de known_hosts</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="304"/>
        <source>Known hosts file:</source>
        <translation>Fichier known_hosts :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="304"/>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="300"/>
        <source>FTPS from the first byte:</source>
        <translation>FTPS dès le premier octet :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="56"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="130"/>
        <source>&apos;log level&apos; in the configuration: what the log keeps</source>
        <translation>« log level » dans la configuration : ce que garde le journal</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="131"/>
        <source>Everything, details included</source>
        <translation>Tout, détails compris</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="132"/>
        <source>Information, warnings and errors</source>
        <translation>Informations, avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="133"/>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="134"/>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="135"/>
        <source>Critical errors only</source>
        <translation>Erreurs critiques seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="245"/>
        <source>Conservative: never overwrite a file changed here</source>
        <translation>Prudent : ne jamais écraser un fichier modifié ici</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="257"/>
        <source>sync them (.env, .git, ...)</source>
        <translation>les synchroniser (.env, .git, …)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="259"/>
        <source>Files and folders whose name starts with &apos;.&apos;</source>
        <translation>Fichiers et dossiers dont le nom commence par « . »</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="262"/>
        <source>Hidden files:</source>
        <translation>Fichiers cachés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="263"/>
        <source>sync them too</source>
        <translation>les synchroniser aussi</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="270"/>
        <source>Temporary files of editors and systems:</source>
        <translation>Fichiers temporaires des éditeurs et systèmes :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="284"/>
        <source>check it (recommended)</source>
        <translation>le vérifier (recommandé)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="292"/>
        <source>The server&apos;s certificate:</source>
        <translation>Certificat du serveur :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="300"/>
        <source>on port 990</source>
        <translation>sur le port 990</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="302"/>
        <source>SSH key:</source>
        <translation>Clé SSH :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="302"/>
        <source>~/.ssh/id_ed25519 or the agent</source>
        <translation>~/.ssh/id_ed25519 ou l’agent</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="307"/>
        <source>S3 region:</source>
        <translation>Région S3 :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="307"/>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="308"/>
        <source>S3 address style:</source>
        <translation>Forme d’adresse S3 :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="308"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="311"/>
        <source>rclone program:</source>
        <translation>Programme rclone :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="311"/>
        <source>rclone</source>
        <translation>rclone</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="312"/>
        <source>rclone configuration:</source>
        <translation>Configuration rclone :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="312"/>
        <source>rclone&apos;s own</source>
        <translation>celle de rclone</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="317"/>
        <source>Show the advanced settings</source>
        <translation>Afficher les paramètres avancés</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="325"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="334"/>
        <source>Pack size:</source>
        <translation>Taille des paquets :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="338"/>
        <source>State folder:</source>
        <translation>Dossier d’état :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="338"/>
        <source>~/.local/share/escale</source>
        <translation>~/.local/share/escale</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="339"/>
        <source>Checksum:</source>
        <translation>Somme de contrôle :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="339"/>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="349"/>
        <source>Remove this repository</source>
        <translation>Retirer ce dépôt</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="352"/>
        <source>Keep its files in %1</source>
        <translation>Garder ses fichiers dans %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="354"/>
        <source>Also move its files to the trash</source>
        <translation>Mettre aussi ses fichiers à la corbeille</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="356"/>
        <source>The other machines keep their copies. They stop waiting for this one after &apos;retention&apos;, or at once with &apos;escalectl forget-client&apos;.</source>
        <translation>Les autres machines gardent leurs copies. Elles cessent d’attendre celle-ci après « retention », ou tout de suite avec « escalectl forget-client ».</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="360"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="418"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="457"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="462"/>
        <source>The keychain cannot keep the password: %1</source>
        <translation>Le trousseau ne peut pas garder le mot de passe : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="478"/>
        <source>Saved; %1 restarted with the new settings.</source>
        <translation>Enregistré ; %1 a redémarré avec les nouveaux paramètres.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="499"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="505"/>
        <source>Not saved: check &quot;%1&quot;.</source>
        <translation>Non enregistré : vérifiez « %1 ».</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="534"/>
        <source>Unsaved changes</source>
        <translation>Modifications non appliquées</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="535"/>
        <source>Some settings were changed but not applied. Apply them now?</source>
        <translation>Des paramètres ont été modifiés sans être appliqués. Les appliquer maintenant ?</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="572"/>
        <source>&apos;%1&apos; is removed, but its folder %2 could not be moved to the trash.</source>
        <translation>« %1 » est retiré, mais son dossier %2 n’a pas pu être mis à la corbeille.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="574"/>
        <source>&apos;%1&apos; is removed; its folder is in the trash.</source>
        <translation>« %1 » est retiré ; son dossier est à la corbeille.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="575"/>
        <source>&apos;%1&apos; is removed; its files stay in %2.</source>
        <translation>« %1 » est retiré ; ses fichiers restent dans %2.</translation>
    </message>
</context>
<context>
    <name>escale::ui::SetupWizard</name>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="17"/>
        <source>Add a repository</source>
        <translation>Ajouter un dépôt</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="45"/>
        <source>Leave the setup?</source>
        <translation>Quitter la configuration ?</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="46"/>
        <source>What you entered is not kept, and nothing is set up.</source>
        <translation>Ce que vous avez saisi n’est pas gardé, et rien n’est configuré.</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="49"/>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="50"/>
        <source>Stay</source>
        <translation>Rester</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="64"/>
        <source>The folder %1 cannot be created</source>
        <translation>Le dossier %1 ne peut pas être créé</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayIcon</name>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="77"/>
        <source>Until resumed</source>
        <translation>Jusqu’à la reprise</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="78"/>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="81"/>
        <source>Until tomorrow, %1</source>
        <translation>Jusqu’à demain, %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="97"/>
        <source>Set up a folder to sync...</source>
        <translation>Configurer un dossier à synchroniser…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="111"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="113"/>
        <source>Choose what syncs...</source>
        <translation>Choisir ce qui se synchronise…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="117"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="120"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="121"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="125"/>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="148"/>
        <source>None yet</source>
        <translation>Aucun pour l’instant</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="152"/>
        <source>Pause all</source>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="154"/>
        <source>Resume all</source>
        <translation>Tout reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="156"/>
        <source>Activity...</source>
        <translation>Activité…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="157"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="158"/>
        <source>Add repository...</source>
        <translation>Ajouter un dépôt…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="159"/>
        <source>Show Escale</source>
        <translation>Afficher Escale</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="160"/>
        <source>Log...</source>
        <translation>Journal…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="161"/>
        <source>About Escale...</source>
        <translation>À propos d’Escale…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="99"/>
        <location filename="../ui/TrayIcon.cpp" line="162"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayModel</name>
    <message>
        <location filename="../ui/TrayModel.cpp" line="38"/>
        <source>Not set up</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="39"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="40"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="41"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="43"/>
        <source>A relay cannot be reached</source>
        <translation>Un relais est injoignable</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="45"/>
        <source>A repository needs attention</source>
        <translation>Un dépôt demande votre attention</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="47"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="72"/>
        <source>%n file(s) left (%1)</source>
        <translation>
            <numerusform>%n fichier restant (%1)</numerusform>
            <numerusform>%n fichiers restants (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="86"/>
        <source>%1: starting</source>
        <translation>%1 : démarrage</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="90"/>
        <source>%1: syncing, %2</source>
        <translation>%1 : synchronisation, %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="91"/>
        <source>%1: syncing</source>
        <translation>%1 : synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="95"/>
        <source>%1: %n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%1 : %n modification en attente d’envoi</numerusform>
            <numerusform>%1 : %n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="96"/>
        <source>%1: up to date</source>
        <translation>%1 : à jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="97"/>
        <source>%1: up to date (%2)</source>
        <translation>%1 : à jour (%2)</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="100"/>
        <source>%1: paused until %2</source>
        <translation>%1 : en pause jusqu’à %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="101"/>
        <source>%1: paused</source>
        <translation>%1 : en pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="104"/>
        <source>%1: relay unreachable, retrying</source>
        <translation>%1 : relais injoignable, nouvel essai bientôt</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="107"/>
        <source>%1: error: %2</source>
        <translation>%1 : erreur : %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="110"/>
        <source>%1: stopped: %2</source>
        <translation>%1 : arrêté : %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="114"/>
        <source>, %n conflict(s) to resolve</source>
        <translation>
            <numerusform>, %n conflit à résoudre</numerusform>
            <numerusform>, %n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="116"/>
        <source>, %n change(s) to send</source>
        <translation>
            <numerusform>, %n modification à envoyer</numerusform>
            <numerusform>, %n modifications à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="120"/>
        <source>, %n file(s) waiting (see Activity)</source>
        <translation>
            <numerusform>, %n fichier en attente (voir Activité)</numerusform>
            <numerusform>, %n fichiers en attente (voir Activité)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="143"/>
        <source>tomorrow %1</source>
        <translation>demain %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="188"/>
        <source>Syncing: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="189"/>
        <source>Paused until %1</source>
        <translation>En pause jusqu’à %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="191"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="195"/>
        <source>Escale — not set up: click to choose a folder to sync</source>
        <translation>Escale — non configuré : cliquez pour choisir un dossier à synchroniser</translation>
    </message>
</context>
<context>
    <name>escale::ui::Words</name>
    <message>
        <location filename="../ui/Words.cpp" line="27"/>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="29"/>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="31"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="33"/>
        <source>conflict copy</source>
        <translation>copie de conflit</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="72"/>
        <source>none (not encrypted)</source>
        <translation>aucun (non chiffré)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Words.cpp" line="80"/>
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>a %n lot de modifications de cette machine à prendre</numerusform>
            <numerusform>a %n lots de modifications de cette machine à prendre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Words.cpp" line="82"/>
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n de ses lots de modifications à appliquer ici</numerusform>
            <numerusform>%n de ses lots de modifications à appliquer ici</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="83"/>
        <source>none: in step</source>
        <translation>aucun : à jour</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::ConnectionPage</name>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="25"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="29"/>
        <source>/media/usb/escale</source>
        <translation>/media/usb/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="31"/>
        <source>https://cloud.example.com/remote.php/dav/files/alice/escale</source>
        <translation>https://cloud.example.com/remote.php/dav/files/alice/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="33"/>
        <source>https://s3.eu-west-1.amazonaws.com</source>
        <translation>https://s3.eu-west-3.amazonaws.com</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="34"/>
        <source>my-bucket/escale</source>
        <translation>mon-bucket/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="35"/>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="36"/>
        <source>server.example.com</source>
        <translation>serveur.example.com</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="40"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="41"/>
        <source>/escale</source>
        <translation>/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="42"/>
        <source>Encrypt the connection (FTPS); plain FTP sends the password in clear</source>
        <translation>Chiffrer la connexion (FTPS) ; le FTP simple envoie le mot de passe en clair</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="45"/>
        <source>mydrive:escale</source>
        <translation>mondisque:escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="46"/>
        <source>rclone&apos;s own</source>
        <translation>celle de rclone</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="52"/>
        <source>none: ssh-agent, ~/.ssh, or the password</source>
        <translation>aucune : ssh-agent, ~/.ssh ou le mot de passe</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="55"/>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="56"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="57"/>
        <source>Endpoint:</source>
        <translation>Point d’accès :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="58"/>
        <source>Bucket and folder:</source>
        <translation>Bucket et dossier :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="59"/>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="60"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="61"/>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="62"/>
        <source>Folder on the server:</source>
        <translation>Dossier sur le serveur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="64"/>
        <source>Remote:</source>
        <translation>Remote :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="65"/>
        <source>rclone configuration:</source>
        <translation>Configuration rclone :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="66"/>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="128"/>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="67"/>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="132"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="68"/>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="71"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="79"/>
        <source>This server is not trusted yet</source>
        <translation>Ce serveur n’est pas encore reconnu</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="86"/>
        <source>I compared this fingerprint with the server&apos;s own: trust it</source>
        <translation>J’ai comparé cette empreinte avec celle du serveur : lui faire confiance</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="128"/>
        <source>Access key:</source>
        <translation>Clé d’accès :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="130"/>
        <source>Secret key:</source>
        <translation>Clé secrète :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="131"/>
        <source>Password or key passphrase:</source>
        <translation>Mot de passe ou phrase de la clé :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="136"/>
        <source>A folder every machine reaches: a USB drive carried around, a network share, a synced folder. Pick the folder that holds, or will hold, the repository.</source>
        <translation>Un dossier que chaque machine atteint : une clé USB que l’on transporte, un partage réseau, un dossier synchronisé. Choisissez le dossier qui contient, ou contiendra, le dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="140"/>
        <source>The WebDAV address of a folder on the server, and your login. With Nextcloud, use an app password.</source>
        <translation>L’adresse WebDAV d’un dossier sur le serveur, et vos identifiants. Avec Nextcloud, utilisez un mot de passe d’application.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="145"/>
        <source>The endpoint of the storage, the bucket (and a folder in it), and an access key allowed to read, write, list and delete there.</source>
        <translation>Le point d’accès du stockage, le bucket (et un dossier dedans), et une clé d’accès autorisée à y lire, écrire, lister et supprimer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="150"/>
        <source>The server, the folder on it, and your login.</source>
        <translation>Le serveur, le dossier sur ce serveur, et vos identifiants.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="154"/>
        <source>A remote of your rclone configuration and a folder in it (rclone must be installed).</source>
        <translation>Un remote de votre configuration rclone et un dossier dedans (rclone doit être installé).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="200"/>
        <source>The folder %1 does not exist: create it, or plug in the drive that holds it.</source>
        <translation>Le dossier %1 n’existe pas : créez-le, ou branchez le disque qui le contient.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="205"/>
        <source>The folder %1 cannot be written by you.</source>
        <translation>Vous ne pouvez pas écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="252"/>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="267"/>
        <source>Connected. There is no repository here yet: a new one will be created.</source>
        <translation>Connecté. Il n’y a pas encore de dépôt ici : un nouveau sera créé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/ConnectionPage.cpp" line="270"/>
        <source>Connected. A repository is here (%1, %n client(s)).</source>
        <translation>
            <numerusform>Connecté. Un dépôt se trouve ici (%1, %n client).</numerusform>
            <numerusform>Connecté. Un dépôt se trouve ici (%1, %n clients).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="271"/>
        <source>encrypted</source>
        <translation>chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="271"/>
        <source>not encrypted</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="278"/>
        <source>%1 presents %2
%3
SHA-256 fingerprint:
%4

Why it is not trusted: %5</source>
        <translation>%1 présente %2
%3
Empreinte SHA-256 :
%4

Pourquoi il n’est pas reconnu : %5</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="279"/>
        <source>an SSH host key</source>
        <translation>une clé d’hôte SSH</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="279"/>
        <source>a TLS certificate</source>
        <translation>un certificat TLS</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="283"/>
        <source>The server&apos;s host key is not known. Check its fingerprint before trusting it: someone may be in the way.</source>
        <translation>La clé d’hôte du serveur est inconnue. Vérifiez son empreinte avant de lui faire confiance : quelqu’un pourrait s’être interposé.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="285"/>
        <source>The server&apos;s certificate is not trusted. Check its fingerprint before trusting it: someone may be in the way.</source>
        <translation>Le certificat du serveur n’est pas reconnu. Vérifiez son empreinte avant de lui faire confiance : quelqu’un pourrait s’être interposé.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="295"/>
        <source>The server refused the user name or password.</source>
        <translation>Le serveur a refusé le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="298"/>
        <source>The server cannot be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="301"/>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="304"/>
        <source>The secure connection failed.</source>
        <translation>La connexion sécurisée a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="307"/>
        <source>The server refuses access to this folder.</source>
        <translation>Le serveur refuse l’accès à ce dossier.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="310"/>
        <source>The connection test failed.</source>
        <translation>Le test de connexion a échoué.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::FiltersPage</name>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="17"/>
        <source>What to leave out (optional)</source>
        <translation>Ce qu’il faut laisser de côté (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="19"/>
        <source>Leave everything empty to sync the whole folder. One pattern per line: * matches any name part, /.../ is a regular expression.</source>
        <translation>Laissez tout vide pour synchroniser tout le dossier. Un motif par ligne : * remplace n’importe quelle partie d’un nom, /…/ est une expression régulière.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="23"/>
        <source>*.tmp
*~</source>
        <translation>*.tmp
*~</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="24"/>
        <source>node_modules
build</source>
        <translation>node_modules
build</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="25"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="26"/>
        <source>Sync hidden files and folders (names starting with &apos;.&apos;, such as .env or .git)</source>
        <translation>Synchroniser les fichiers et dossiers cachés (noms commençant par « . », comme .env ou .git)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="30"/>
        <source>Sync the temporary files of editors and systems too</source>
        <translation>Synchroniser aussi les fichiers temporaires des éditeurs et des systèmes</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="32"/>
        <source>Left out unless ticked: %1, and the folders %2. They are locks, swap files, partial downloads and thumbnails that belong to one machine.</source>
        <translation>Laissés de côté sauf si coché : %1, et les dossiers %2. Ce sont des verrous, fichiers d’échange, téléchargements partiels et vignettes propres à une machine.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="36"/>
        <source>Files never synced:</source>
        <translation>Fichiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="37"/>
        <source>Folders never synced:</source>
        <translation>Dossiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="38"/>
        <source>Only these files:</source>
        <translation>Seulement ces fichiers :</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::LocalPage</name>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="22"/>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="24"/>
        <source>The folder to keep in sync here, how this machine is named to the others, and what it does.</source>
        <translation>Le dossier à synchroniser ici, le nom de cette machine pour les autres, et ce qu’elle fait.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="31"/>
        <source>Send and receive</source>
        <translation>Envoyer et recevoir</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="32"/>
        <source>Send only (files here are never changed)</source>
        <translation>Envoyer seulement (les fichiers d’ici ne sont jamais modifiés)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="33"/>
        <source>Receive only (files here are never sent)</source>
        <translation>Recevoir seulement (les fichiers d’ici ne sont jamais envoyés)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="34"/>
        <source>Conservative (never overwrite a file changed here)</source>
        <translation>Prudent (ne jamais écraser un fichier modifié ici)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="36"/>
        <source>Local folder:</source>
        <translation>Dossier local :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="37"/>
        <source>This machine&apos;s name:</source>
        <translation>Nom de cette machine :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="38"/>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="39"/>
        <source>Repository name:</source>
        <translation>Nom du dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="72"/>
        <source>Choose the local folder (a full path, starting with /).</source>
        <translation>Choisissez le dossier local (un chemin complet, commençant par /).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="77"/>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="81"/>
        <source>The folder %1 cannot be written by you.</source>
        <translation>Vous ne pouvez pas écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="89"/>
        <source>The folder %1 cannot be created: %2 cannot be written by you.</source>
        <translation>Le dossier %1 ne peut pas être créé : vous ne pouvez pas écrire dans %2.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="98"/>
        <source>The local folder and the relay folder must be apart: neither inside the other.</source>
        <translation>Le dossier local et le dossier relais doivent être distincts : aucun des deux dans l’autre.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="104"/>
        <source>Give this machine a name: the others see it in their activity.</source>
        <translation>Donnez un nom à cette machine : les autres le voient dans leur activité.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="108"/>
        <source>A machine&apos;s name is a name: at most 64 characters, without / or \ (it appears in the names of conflict copies).</source>
        <translation>Le nom d’une machine est un nom : 64 caractères au plus, sans / ni \ (il figure dans le nom des copies de conflit).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="114"/>
        <source>Repository name: %1.</source>
        <translation>Nom du dépôt : %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="132"/>
        <source>Another machine of this repository is already named &apos;%1&apos;. Click Next again to keep this name, or give this one another.</source>
        <translation>Une autre machine de ce dépôt s’appelle déjà « %1 ». Cliquez de nouveau sur Suivant pour garder ce nom, ou donnez-en un autre à celle-ci.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::PassphrasePage</name>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="26"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="31"/>
        <source>Encrypt everything on the relay (recommended)</source>
        <translation>Tout chiffrer sur le relais (recommandé)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="48"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="50"/>
        <source>Generate one</source>
        <translation>En générer une</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="52"/>
        <source>A strong random passphrase, shown once: keep a copy</source>
        <translation>Une phrase secrète aléatoire et forte, affichée une seule fois : gardez-en une copie</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="57"/>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="58"/>
        <source>Again:</source>
        <translation>Confirmation :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="64"/>
        <source>Keep this passphrase in a password manager or on paper in a safe place: every machine joining needs it, and nobody can recover it, Escale included.</source>
        <translation>Gardez cette phrase secrète dans un gestionnaire de mots de passe ou sur papier en lieu sûr : chaque machine qui rejoint en a besoin, et personne ne peut la retrouver, Escale compris.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="69"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="91"/>
        <source>Strength:</source>
        <translation>Robustesse :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="107"/>
        <source>Without encryption, whoever can read the relay (its administrator, a thief of the drive) can read your files.</source>
        <translation>Sans chiffrement, quiconque peut lire le relais (son administrateur, le voleur du disque) peut lire vos fichiers.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="123"/>
        <source>The passphrase of the repository you join.</source>
        <translation>La phrase secrète du dépôt que vous rejoignez.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="124"/>
        <source>Whoever can read the relay sees only encrypted data.</source>
        <translation>Qui peut lire le relais n’y voit que des données chiffrées.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="128"/>
        <source>This repository is encrypted with %1. Type its passphrase: it is checked against the repository before going on.</source>
        <translation>Ce dépôt est chiffré avec %1. Saisissez sa phrase secrète : elle est vérifiée auprès du dépôt avant de continuer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="133"/>
        <source>The passphrase encrypts names and contents before they leave this machine. Every machine joining the repository needs it. It cannot be recovered: keep a copy in a safe place. It goes to the system keychain, never into the configuration file.</source>
        <translation>La phrase secrète chiffre les noms et les contenus avant qu’ils ne quittent cette machine. Chaque machine qui rejoint le dépôt en a besoin. Elle ne peut pas être récupérée : gardez-en une copie en lieu sûr. Elle va dans le trousseau du système, jamais dans le fichier de configuration.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="157"/>
        <source>Very weak</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="160"/>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="163"/>
        <source>Fair</source>
        <translation>Correcte</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="166"/>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="169"/>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="173"/>
        <source>Several unrelated words are easy to remember and hard to guess.</source>
        <translation>Plusieurs mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="175"/>
        <source>%1: add words, digits or symbols to make it stronger.</source>
        <translation>%1 : ajoutez des mots, des chiffres ou des symboles pour la renforcer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="191"/>
        <source>Type a passphrase, or turn encryption off.</source>
        <translation>Saisissez une phrase secrète, ou désactivez le chiffrement.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="195"/>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Les deux phrases diffèrent : saisissez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="200"/>
        <source>This passphrase is too easy to guess: the relay holds what an attacker needs to try passphrases offline. Make it longer.</source>
        <translation>Cette phrase secrète est trop facile à deviner : le relais contient de quoi essayer des phrases hors ligne. Allongez-la.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="209"/>
        <source>Type the repository&apos;s passphrase.</source>
        <translation>Saisissez la phrase secrète du dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="226"/>
        <source>Checking the passphrase...</source>
        <translation>Vérification de la phrase secrète…</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="234"/>
        <source>The relay could not be read again: %1</source>
        <translation>Le relais n’a pas pu être relu : %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="238"/>
        <source>Wrong passphrase: it does not open this repository.</source>
        <translation>Phrase secrète erronée : elle n’ouvre pas ce dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="243"/>
        <source>The passphrase opens the repository.</source>
        <translation>La phrase secrète ouvre le dépôt.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::RepositoryPage</name>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="17"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="18"/>
        <source>A repository is what the machines share on the relay: create one, or join one.</source>
        <translation>Un dépôt est ce que les machines partagent sur le relais : créez-en un, ou rejoignez-en un.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="23"/>
        <source>Join the repository found on the relay</source>
        <translation>Rejoindre le dépôt trouvé sur le relais</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="25"/>
        <source>Create a new repository</source>
        <translation>Créer un nouveau dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="42"/>
        <source>There is no repository on this relay yet. A new one is created there when you finish; other machines then join it with the same relay and passphrase.</source>
        <translation>Il n’y a pas encore de dépôt sur ce relais. Un nouveau y est créé quand vous terminez ; les autres machines le rejoignent ensuite avec le même relais et la même phrase secrète.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="46"/>
        <source>A repository is on this relay (%1). Joining it brings its files here and shares this machine&apos;s files with the others.</source>
        <translation>Un dépôt se trouve sur ce relais (%1). Le rejoindre amène ses fichiers ici et partage les fichiers de cette machine avec les autres.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="48"/>
        <source>encrypted with %1</source>
        <translation>chiffré avec %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="49"/>
        <source>not encrypted</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="54"/>
        <source>%1 (last seen %2)</source>
        <translation>%1 (vue le %2)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="57"/>
        <source>Machines syncing it: %1.</source>
        <translation>Machines qui le synchronisent : %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/RepositoryPage.cpp" line="61"/>
        <source>%n machine(s) sync it; their names are encrypted and show once the passphrase is checked.</source>
        <translation>
            <numerusform>%n machine le synchronise ; son nom est chiffré et apparaît une fois la phrase secrète vérifiée.</numerusform>
            <numerusform>%n machines le synchronisent ; leurs noms sont chiffrés et apparaissent une fois la phrase secrète vérifiée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="65"/>
        <source>To create a new repository instead, go back and choose another folder on the relay.</source>
        <translation>Pour créer plutôt un nouveau dépôt, revenez en arrière et choisissez un autre dossier sur le relais.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::SummaryPage</name>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="20"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="21"/>
        <source>Escale writes this to its configuration and starts syncing when you click Finish.</source>
        <translation>Escale écrit ceci dans sa configuration et commence à synchroniser quand vous cliquez sur Terminer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="29"/>
        <source>Keep the password and passphrase in files readable only by you</source>
        <translation>Garder le mot de passe et la phrase secrète dans des fichiers lisibles par vous seul</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>join &apos;%1&apos;</source>
        <translation>rejoindre « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>create &apos;%1&apos;</source>
        <translation>créer « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="50"/>
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="52"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="54"/>
        <source>Local folder</source>
        <translation>Dossier local</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="56"/>
        <source> (created)</source>
        <translation> (créé)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="57"/>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="59"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="59"/>
        <source>send only</source>
        <translation>envoi seulement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="60"/>
        <source>receive only</source>
        <translation>réception seulement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="61"/>
        <source>conservative</source>
        <translation>prudent</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="62"/>
        <source>send and receive</source>
        <translation>envoi et réception</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="66"/>
        <source>temporary files of editors and systems (%1; folders %2)</source>
        <translation>fichiers temporaires des éditeurs et des systèmes (%1 ; dossiers %2)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="70"/>
        <source>hidden files and folders (names starting with &apos;.&apos;)</source>
        <translation>fichiers et dossiers cachés (noms commençant par « . »)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="72"/>
        <source>files named %1</source>
        <translation>fichiers nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="74"/>
        <source>folders named %1</source>
        <translation>dossiers nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="76"/>
        <source>every file but those named %1</source>
        <translation>tout fichier sauf ceux nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="77"/>
        <source>Not synced</source>
        <translation>Non synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="77"/>
        <source>nothing: every file is synced</source>
        <translation>rien : chaque fichier est synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="78"/>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="80"/>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="80"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="81"/>
        <source>in the system keychain</source>
        <translation>dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="82"/>
        <source>no keychain here: in files readable only by you</source>
        <translation>pas de trousseau ici : dans des fichiers lisibles par vous seul</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="100"/>
        <source>%1. Check the box to keep them in files readable only by you (beside the configuration, in &apos;secrets&apos;), then click Finish again.</source>
        <translation>%1. Cochez la case pour les garder dans des fichiers lisibles par vous seul (à côté de la configuration, dans « secrets »), puis cliquez de nouveau sur Terminer.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::TypePage</name>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="18"/>
        <source>Where do the machines meet?</source>
        <translation>Où les machines se retrouvent-elles ?</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="19"/>
        <source>Escale syncs through a relay storage that every machine can reach. Everything on it is encrypted; space is freed as soon as every machine has its copy.</source>
        <translation>Escale synchronise au travers d’un stockage relais que chaque machine peut atteindre. Tout y est chiffré ; la place est libérée dès que chaque machine a sa copie.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="23"/>
        <source>A local or mounted folder (USB drive, network share)</source>
        <translation>Un dossier local ou monté (clé USB, partage réseau)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="24"/>
        <source>WebDAV (Nextcloud, ownCloud, a NAS, Box, ...)</source>
        <translation>WebDAV (Nextcloud, ownCloud, un NAS, Box…)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="25"/>
        <source>S3-compatible object storage (AWS, MinIO, Wasabi, ...)</source>
        <translation>Stockage objet compatible S3 (AWS, MinIO, Wasabi…)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="26"/>
        <source>FTP or FTPS server</source>
        <translation>Serveur FTP ou FTPS</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="27"/>
        <source>SFTP (an SSH server)</source>
        <translation>SFTP (un serveur SSH)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="28"/>
        <source>An rclone remote (any of rclone&apos;s 70 storages)</source>
        <translation>Un remote rclone (n’importe lequel des 70 stockages de rclone)</translation>
    </message>
</context>
</TS>
