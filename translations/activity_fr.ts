<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Activity Dashboard</source>
        <translation>À propos d'Activity Dashboard</translation>
    </message>
    <message>
        <source>Activity Dashboard %1</source>
        <translation>Activity Dashboard %1</translation>
    </message>
    <message>
        <source>Watches GitHub repositories, Docker Hub images and nginx access logs in one window.

Data sources and their licences:
- IP to country: IP Geolocation by DB-IP (https://db-ip.com), DB-IP IP to Country Lite, licensed under Creative Commons Attribution 4.0 International (CC BY 4.0).
- Country shapes: Natural Earth (public domain), through the world-atlas package (ISC licence).
- Country names: Debian iso-codes (LGPL 2.1 or later).
- GitHub and Docker Hub figures come from their public APIs, under their terms of service.

Libraries: Qt 6 (LGPL 3), SQLite (public domain), libmaxminddb (Apache 2.0), zlib (zlib licence).</source>
        <translation>Suit les dépôts GitHub, les images Docker Hub et les journaux d'accès nginx dans une seule fenêtre.

Sources de données et leurs licences :
- IP vers pays : IP Geolocation by DB-IP (https://db-ip.com), DB-IP IP to Country Lite, sous licence Creative Commons Attribution 4.0 International (CC BY 4.0).
- Contours des pays : Natural Earth (domaine public), via le paquet world-atlas (licence ISC).
- Noms des pays : iso-codes de Debian (LGPL 2.1 ou ultérieure).
- Les chiffres GitHub et Docker Hub viennent de leurs API publiques, selon leurs conditions d'utilisation.

Bibliothèques : Qt 6 (LGPL 3), SQLite (domaine public), libmaxminddb (Apache 2.0), zlib (licence zlib).</translation>
    </message>
</context>
<context>
    <name>ArgParser</name>
    <message>
        <source>%1: unknown option %2</source>
        <translation>%1 : option inconnue %2</translation>
    </message>
    <message>
        <source>%1: unknown option --%2</source>
        <translation>%1 : option inconnue --%2</translation>
    </message>
    <message>
        <source>%1: option --%2 is given twice</source>
        <translation>%1 : l'option --%2 est donnée deux fois</translation>
    </message>
    <message>
        <source>%1: option --%2 needs a value</source>
        <translation>%1 : l'option --%2 attend une valeur</translation>
    </message>
    <message>
        <source>%1: option --%2 takes no value</source>
        <translation>%1 : l'option --%2 ne prend pas de valeur</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>%1: not available in this build yet</source>
        <translation>%1 : pas encore disponible dans cette version</translation>
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>no data directory given</source>
        <translation>aucun dossier de données indiqué</translation>
    </message>
    <message>
        <source>data directory %1 exists but is not a directory</source>
        <translation>le dossier de données %1 existe mais n'est pas un dossier</translation>
    </message>
    <message>
        <source>cannot create data directory %1</source>
        <translation>impossible de créer le dossier de données %1</translation>
    </message>
    <message>
        <source>cannot write in data directory %1: %2</source>
        <translation>impossible d'écrire dans le dossier de données %1 : %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d'ensemble</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Trafic</translation>
    </message>
    <message>
        <source>World map</source>
        <translation>Carte du monde</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>État</translation>
    </message>
    <message>
        <source>%1: no data yet.</source>
        <translation>%1 : pas encore de données.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Activity Dashboard</source>
        <translation>À &amp;propos d'Activity Dashboard</translation>
    </message>
</context>
<context>
    <name>MaintenanceCommandText</name>
    <message>
        <source>%1: give exactly one FILE</source>
        <translation>%1 : indiquez exactement un FICHIER</translation>
    </message>
    <message>
        <source>stats: unexpected argument '%1'</source>
        <translation>stats : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>database:       %1</source>
        <translation>base :           %1</translation>
    </message>
    <message>
        <source>schema version: %1</source>
        <translation>version du schéma : %1</translation>
    </message>
    <message>
        <source>size:           %1 bytes</source>
        <translation>taille :         %1 octets</translation>
    </message>
    <message>
        <source>backed up %1 to %2</source>
        <translation>%1 sauvegardé dans %2</translation>
    </message>
    <message>
        <source>restore: %1 does not exist</source>
        <translation>restore : %1 n'existe pas</translation>
    </message>
    <message>
        <source>restored %1 from %2</source>
        <translation>%1 restauré depuis %2</translation>
    </message>
</context>
<context>
    <name>MaintenanceText</name>
    <message>
        <source>there is no database at %1 to back up</source>
        <translation>il n'y a pas de base à %1 à sauvegarder</translation>
    </message>
    <message>
        <source>the backup file must not be the database itself</source>
        <translation>le fichier de sauvegarde ne doit pas être la base elle-même</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d'écrire %1 : %2</translation>
    </message>
    <message>
        <source>backup to %1 failed: %2</source>
        <translation>la sauvegarde vers %1 a échoué : %2</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 n'est pas un fichier</translation>
    </message>
    <message>
        <source>%1 is not an Activity Dashboard database; nothing was changed</source>
        <translation>%1 n'est pas une base Activity Dashboard ; rien n'a été modifié</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3); nothing was changed</source>
        <translation>%1 a la version de schéma %2, plus récente que celle connue par ce programme (%3) ; rien n'a été modifié</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); nothing was changed</source>
        <translation>%1 est endommagé (%2) ; rien n'a été modifié</translation>
    </message>
    <message>
        <source>restore from %1 failed, the old database is unchanged: %2</source>
        <translation>la restauration depuis %1 a échoué, l'ancienne base est inchangée : %2</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>%1 is a SQLite database of another program; refusing to change it</source>
        <translation>%1 est une base SQLite d'un autre programme ; refus de la modifier</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3): upgrade Activity Dashboard to open it</source>
        <translation>%1 a la version de schéma %2, plus récente que celle connue par ce programme (%3) : mettez à jour Activity Dashboard pour l'ouvrir</translation>
    </message>
</context>
<context>
    <name>SourceText</name>
    <message>
        <source>must be 'combined' or an nginx log_format string</source>
        <translation>doit être « combined » ou une chaîne log_format de nginx</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>owner/name of one repository</source>
        <translation>propriétaire/nom d'un dépôt</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>every repository of this organisation or user</source>
        <translation>tous les dépôts de cette organisation ou de cet utilisateur</translation>
    </message>
    <message>
        <source>Token variable</source>
        <translation>Variable du jeton</translation>
    </message>
    <message>
        <source>environment variable holding an access token</source>
        <translation>variable d'environnement contenant un jeton d'accès</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>URL de l'API</translation>
    </message>
    <message>
        <source>https://HOST/api/v3 for GitHub Enterprise</source>
        <translation>https://HÔTE/api/v3 pour GitHub Enterprise</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>how often to poll, e.g. 15m</source>
        <translation>fréquence d'interrogation, par ex. 15m</translation>
    </message>
    <message>
        <source>give exactly one of --repo OWNER/NAME and --org ORG</source>
        <translation>indiquez exactement l'un de --repo PROPRIÉTAIRE/NOM et --org ORG</translation>
    </message>
    <message>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Docker Hub user or organisation</source>
        <translation>utilisateur ou organisation Docker Hub</translation>
    </message>
    <message>
        <source>one repository of the namespace (default: all)</source>
        <translation>un dépôt de l'espace de noms (par défaut : tous)</translation>
    </message>
    <message>
        <source>Docker Hub API base URL</source>
        <translation>URL de base de l'API Docker Hub</translation>
    </message>
    <message>
        <source>how often to poll, e.g. 1h</source>
        <translation>fréquence d'interrogation, par ex. 1h</translation>
    </message>
    <message>
        <source>nginx over syslog</source>
        <translation>nginx via syslog</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Écouter sur</translation>
    </message>
    <message>
        <source>udp://ADDR:PORT or tcp://ADDR:PORT</source>
        <translation>udp://ADRESSE:PORT ou tcp://ADRESSE:PORT</translation>
    </message>
    <message>
        <source>Allowed senders</source>
        <translation>Expéditeurs autorisés</translation>
    </message>
    <message>
        <source>networks allowed to send, comma-separated</source>
        <translation>réseaux autorisés à envoyer, séparés par des virgules</translation>
    </message>
    <message>
        <source>Log format</source>
        <translation>Format du journal</translation>
    </message>
    <message>
        <source>'combined' or an nginx log_format string</source>
        <translation>« combined » ou une chaîne log_format de nginx</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>site name when the syslog tag does not give one</source>
        <translation>nom du site quand l'étiquette syslog n'en donne pas</translation>
    </message>
    <message>
        <source>nginx log file</source>
        <translation>fichier journal nginx</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>access log to follow, like tail -F</source>
        <translation>journal d'accès à suivre, comme tail -F</translation>
    </message>
    <message>
        <source>site name for these requests</source>
        <translation>nom du site pour ces requêtes</translation>
    </message>
    <message>
        <source>unknown source type '%1' (known: %2)</source>
        <translation>type de source inconnu « %1 » (connus : %2)</translation>
    </message>
    <message>
        <source>is not an option of %1 sources</source>
        <translation>n'est pas une option des sources %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
</context>
<context>
    <name>SourcesText</name>
    <message>
        <source>sources add: missing TYPE (one of: %1)</source>
        <translation>sources add : TYPE manquant (parmi : %1)</translation>
    </message>
    <message>
        <source>sources add: unknown source type '%1' (known: %2)</source>
        <translation>sources add : type de source inconnu « %1 » (connus : %2)</translation>
    </message>
    <message>
        <source>sources add %1: unexpected argument '%2'</source>
        <translation>sources add %1 : argument inattendu « %2 »</translation>
    </message>
    <message>
        <source>added source %1: %2 %3</source>
        <translation>source %1 ajoutée : %2 %3</translation>
    </message>
    <message>
        <source>sources list: unexpected argument '%1'</source>
        <translation>sources list : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no sources; add one with 'activity-dashboard sources add TYPE ...'</source>
        <translation>aucune source ; ajoutez-en une avec « activity-dashboard sources add TYPE ... »</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>LAST SUCCESS</source>
        <translation>DERNIER SUCCÈS</translation>
    </message>
    <message>
        <source>NEXT RUN</source>
        <translation>PROCHAINE EXÉCUTION</translation>
    </message>
    <message>
        <source>LAST ERROR</source>
        <translation>DERNIÈRE ERREUR</translation>
    </message>
    <message>
        <source>rate limit left %1</source>
        <translation>quota restant %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>sources %1: give exactly one source ID (see 'sources list')</source>
        <translation>sources %1 : indiquez exactement un ID de source (voir « sources list »)</translation>
    </message>
    <message>
        <source>sources %1: ID must be a positive number, got '%2'</source>
        <translation>sources %1 : l'ID doit être un nombre positif, reçu « %2 »</translation>
    </message>
    <message>
        <source>sources %1: no source with ID %2</source>
        <translation>sources %1 : aucune source avec l'ID %2</translation>
    </message>
    <message>
        <source>removed source %1 and its history</source>
        <translation>source %1 et son historique supprimés</translation>
    </message>
    <message>
        <source>removed source %1 (its history is kept)</source>
        <translation>source %1 supprimée (son historique est conservé)</translation>
    </message>
    <message>
        <source>paused source %1</source>
        <translation>source %1 mise en pause</translation>
    </message>
    <message>
        <source>resumed source %1</source>
        <translation>source %1 reprise</translation>
    </message>
    <message>
        <source>sources: missing subcommand (list, add, remove, pause, resume)</source>
        <translation>sources : sous-commande manquante (list, add, remove, pause, resume)</translation>
    </message>
    <message>
        <source>sources: unknown subcommand '%1' (list, add, remove, pause, resume)</source>
        <translation>sources : sous-commande inconnue « %1 » (list, add, remove, pause, resume)</translation>
    </message>
</context>
<context>
    <name>ValidatorText</name>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be a name of letters, digits, '.', '_' or '-', like 'octocat'</source>
        <translation>doit être un nom fait de lettres, chiffres, « . », « _ » ou « - », comme « octocat »</translation>
    </message>
    <message>
        <source>must be owner/name, like 'torvalds/linux', got '%1'</source>
        <translation>doit être propriétaire/nom, comme « torvalds/linux », reçu « %1 »</translation>
    </message>
    <message>
        <source>must be a duration like 90s, 15m, 1h or 1h30m (at most a year), got '%1'</source>
        <translation>doit être une durée comme 90s, 15m, 1h ou 1h30m (un an au plus), reçu « %1 »</translation>
    </message>
    <message>
        <source>must be an http:// or https:// URL with a host, got '%1'</source>
        <translation>doit être une URL http:// ou https:// avec un hôte, reçu « %1 »</translation>
    </message>
    <message>
        <source>port must be a number from 1 to 65535, got '%1'</source>
        <translation>le port doit être un nombre de 1 à 65535, reçu « %1 »</translation>
    </message>
    <message>
        <source>must start with udp:// or tcp://, like udp://127.0.0.1:5514, got '%1'</source>
        <translation>doit commencer par udp:// ou tcp://, comme udp://127.0.0.1:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must end with :PORT, like udp://127.0.0.1:5514, got '%1'</source>
        <translation>doit finir par :PORT, comme udp://127.0.0.1:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must name an IP address and a port, like udp://127.0.0.1:5514 or tcp://[::1]:5514, got '%1'</source>
        <translation>doit indiquer une adresse IP et un port, comme udp://127.0.0.1:5514 ou tcp://[::1]:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be a comma-separated list of networks like 127.0.0.0/8,::1/128, got '%1'</source>
        <translation>doit être une liste de réseaux séparés par des virgules comme 127.0.0.0/8,::1/128, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be an environment variable name like GITHUB_TOKEN, got '%1'</source>
        <translation>doit être un nom de variable d'environnement comme GITHUB_TOKEN, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be 1-64 letters, digits, '.', '_' or '-' (like an nginx syslog tag), got '%1'</source>
        <translation>doit compter de 1 à 64 lettres, chiffres, « . », « _ » ou « - » (comme une étiquette syslog nginx), reçu « %1 »</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>unknown command '%1'</source>
        <translation>commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
</context>
</TS>
