<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Accessibility</name>
    <message>
        <source>%1: columns</source>
        <translation>%1 : colonnes</translation>
    </message>
</context>
<context>
    <name>AgentsCommandText</name>
    <message>
        <source>agents: the subcommand is verify (agents verify)</source>
        <translation>agents : la sous-commande est verify (agents verify)</translation>
    </message>
    <message>
        <source>checked %1 addresses: %2 verified, %3 spoofed, %4 could not be checked</source>
        <translation>%1 adresses vérifiées : %2 authentiques, %3 usurpées, %4 impossibles à vérifier</translation>
    </message>
</context>
<context>
    <name>AgentsText</name>
    <message>
        <source>cannot read the agents file %1: %2</source>
        <translation>impossible de lire le fichier des agents %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object (%2)</source>
        <translation>%1 n&apos;est pas un objet JSON (%2)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>%1: &quot;agents&quot; must be a list of {name, class, pattern}</source>
        <translation>%1 : « agents » doit être une liste de {name, class, pattern}</translation>
    </message>
    <message>
        <source>%1: agent %2 has no name</source>
        <translation>%1 : l&apos;agent %2 n&apos;a pas de nom</translation>
    </message>
    <message>
        <source>%1: agent &apos;%2&apos; has the unknown class &apos;%3&apos; (search-crawler, ai-crawler, seo, monitor, feed, library, scanner or other-bot)</source>
        <translation>%1 : l&apos;agent « %2 » a la classe inconnue « %3 » (search-crawler, ai-crawler, seo, monitor, feed, library, scanner ou other-bot)</translation>
    </message>
    <message>
        <source>%1: agent &apos;%2&apos; has an invalid pattern &apos;%3&apos;: %4</source>
        <translation>%1 : l&apos;agent « %2 » a un motif invalide « %3 » : %4</translation>
    </message>
    <message>
        <source>%1: invalid probe path pattern &apos;%2&apos;: %3</source>
        <translation>%1 : motif de chemin de sondage invalide « %2 » : %3</translation>
    </message>
    <message>
        <source>%1: invalid browser_pattern &apos;%2&apos;: %3</source>
        <translation>%1 : browser_pattern invalide « %2 » : %3</translation>
    </message>
    <message>
        <source>%1: the patterns are too large to compile</source>
        <translation>%1 : les motifs sont trop grands pour être compilés</translation>
    </message>
</context>
<context>
    <name>AlertEmail</name>
    <message>
        <source>At %1 (UTC). Series: %2. Rule: %3.</source>
        <translation>À %1 (UTC). Série : %2. Règle : %3.</translation>
    </message>
</context>
<context>
    <name>AlertEvaluator</name>
    <message>
        <source>%1 has no value yet</source>
        <translation>%1 n&apos;a pas encore de valeur</translation>
    </message>
    <message>
        <source>%1 is %2%3, above %4%3</source>
        <translation>%1 vaut %2%3, au-dessus de %4%3</translation>
    </message>
    <message>
        <source>%1 is %2%3, below %4%3</source>
        <translation>%1 vaut %2%3, en dessous de %4%3</translation>
    </message>
    <message>
        <source>%1 is %2%3</source>
        <translation>%1 vaut %2%3</translation>
    </message>
    <message>
        <source>%1: nothing to compare with %2 before</source>
        <translation>%1 : aucune valeur de %2 plus tôt à comparer</translation>
    </message>
    <message>
        <source>%1 is %2%3, %4%5%6 against %7 before (%8%3)</source>
        <translation>%1 vaut %2%3, %4%5%6 par rapport à %7 plus tôt (%8%3)</translation>
    </message>
    <message>
        <source>%1: last data at %2</source>
        <translation>%1 : dernières données à %2</translation>
    </message>
    <message>
        <source>%1: no data for %2, since %3</source>
        <translation>%1 : aucune donnée depuis %2 (dernière à %3)</translation>
    </message>
    <message>
        <source>%1: no data since the rule was made (%2)</source>
        <translation>%1 : aucune donnée depuis la création de la règle (%2)</translation>
    </message>
    <message>
        <source>%1 is %2%3; its usual band needs %4 weeks of data at this hour, %5 so far</source>
        <translation>%1 vaut %2%3 ; sa plage habituelle demande %4 semaines de données à cette heure, %5 pour l&apos;instant</translation>
    </message>
    <message>
        <source>usually %1%3 to %2%3 at this hour of the week (median %4%3 over %5 weeks)</source>
        <translation>habituellement de %1%3 à %2%3 à cette heure de la semaine (médiane %4%3 sur %5 semaines)</translation>
    </message>
    <message>
        <source>%1 is %2%3, %4</source>
        <translation>%1 vaut %2%3, %4</translation>
    </message>
    <message>
        <source>%1 is %2%3, above its usual band: %4</source>
        <translation>%1 vaut %2%3, au-dessus de sa plage habituelle : %4</translation>
    </message>
    <message>
        <source>%1 is %2%3, below its usual band: %4</source>
        <translation>%1 vaut %2%3, en dessous de sa plage habituelle : %4</translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 in %3, none the %3 before</source>
        <translation>%1 %2 en %3, aucune les %3 d&apos;avant</translation>
    </message>
    <message>
        <source>%1 ×%2 in %3</source>
        <translation>%1 ×%2 en %3</translation>
    </message>
    <message>
        <source>at the same time: %1</source>
        <translation>au même moment : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>AlertNotifier</name>
    <message>
        <source>resolved</source>
        <translation>résolue</translation>
    </message>
    <message>
        <source>still firing</source>
        <translation>toujours active</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>active</translation>
    </message>
    <message>
        <source>%1 · rule: %2 %3</source>
        <translation>%1 · règle : %2 %3</translation>
    </message>
    <message>
        <source>sent (HTTP %1)</source>
        <translation>envoyé (HTTP %1)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>no mail server set up (alerts email --host HOST --from ADDRESS ...)</source>
        <translation>aucun serveur de messagerie configuré (alerts email --host HOST --from ADDRESS ...)</translation>
    </message>
    <message>
        <source>the variable %1 that holds the webhook&apos;s URL is not set</source>
        <translation>la variable %1 qui contient l&apos;URL du webhook n&apos;est pas définie</translation>
    </message>
    <message>
        <source>give it again with `activity-dashboard alerts edit %1 --webhook URL` (or --webhook-env VARIABLE)</source>
        <translation>indiquez-la de nouveau avec `activity-dashboard alerts edit %1 --webhook URL` (ou --webhook-env VARIABLE)</translation>
    </message>
    <message>
        <source>the webhook&apos;s URL is kept elsewhere: %1</source>
        <translation>l&apos;URL du webhook est gardée ailleurs : %1</translation>
    </message>
    <message>
        <source>the webhook&apos;s URL is not on this machine (%1): %2</source>
        <translation>l&apos;URL du webhook n&apos;est pas sur cette machine (%1) : %2</translation>
    </message>
</context>
<context>
    <name>AlertService</name>
    <message>
        <source>the rule needs a name</source>
        <translation>la règle doit avoir un nom</translation>
    </message>
    <message>
        <source>the threshold must be a number</source>
        <translation>le seuil doit être un nombre</translation>
    </message>
    <message>
        <source>the duration must be positive</source>
        <translation>la durée doit être positive</translation>
    </message>
    <message>
        <source>durations cannot be negative</source>
        <translation>les durées ne peuvent pas être négatives</translation>
    </message>
    <message>
        <source>the webhook must be an http:// or https:// URL, got &apos;%1&apos;</source>
        <translation>le webhook doit être une URL http:// ou https://, reçu « %1 »</translation>
    </message>
    <message>
        <source>no alert rule %1</source>
        <translation>pas de règle d&apos;alerte %1</translation>
    </message>
    <message>
        <source>there is nowhere to keep the webhook&apos;s URL: name a variable that holds it instead (--webhook-env VARIABLE)</source>
        <translation>il n&apos;y a aucun endroit où garder l&apos;URL du webhook : nommez plutôt une variable qui la contient (--webhook-env VARIABLE)</translation>
    </message>
    <message>
        <source>the webhook&apos;s URL could not be stored: %1</source>
        <translation>l&apos;URL du webhook n&apos;a pas pu être enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>AlertsText</name>
    <message>
        <source>alerts add: unexpected argument &apos;%1&apos;</source>
        <translation>alerts add : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>--series ID is required (see `series list`)</source>
        <translation>--series ID est obligatoire (voir `series list`)</translation>
    </message>
    <message>
        <source>--%1 must be a number, got &apos;%2&apos;</source>
        <translation>--%1 doit être un nombre, reçu « %2 »</translation>
    </message>
    <message>
        <source>--change-over must be a duration like 1h or 1d, got &apos;%1&apos;</source>
        <translation>--change-over doit être une durée comme 1h ou 1d, reçu « %1 »</translation>
    </message>
    <message>
        <source>--change-over needs --by X (a change, negative for a fall) or --by X%</source>
        <translation>--change-over demande --by X (une variation, négative pour une baisse) ou --by X%</translation>
    </message>
    <message>
        <source>--by must be a number or a percentage like -10%, got &apos;%1&apos;</source>
        <translation>--by doit être un nombre ou un pourcentage comme -10%, reçu « %1 »</translation>
    </message>
    <message>
        <source>--no-data must be a duration like 15m or 1h, got &apos;%1&apos;</source>
        <translation>--no-data doit être une durée comme 15m ou 1h, reçu « %1 »</translation>
    </message>
    <message>
        <source>--by goes with --change-over</source>
        <translation>--by s&apos;utilise avec --change-over</translation>
    </message>
    <message>
        <source>--%1 must be a duration like 10m, got &apos;%2&apos;</source>
        <translation>--%1 doit être une durée comme 10m, reçu « %2 »</translation>
    </message>
    <message>
        <source>--severity must be info, warning or critical, got &apos;%1&apos;</source>
        <translation>--severity doit être info, warning ou critical, reçu « %1 »</translation>
    </message>
    <message>
        <source>--webhook-format must be generic, slack or matrix, got &apos;%1&apos;</source>
        <translation>--webhook-format doit être generic, slack ou matrix, reçu « %1 »</translation>
    </message>
    <message>
        <source>--name is empty</source>
        <translation>--name est vide</translation>
    </message>
    <message>
        <source>alerts add: note: %1; the rule waits for it</source>
        <translation>alerts add : remarque : %1 ; la règle l&apos;attend</translation>
    </message>
    <message>
        <source>added alert %1: %2</source>
        <translation>alerte %1 ajoutée : %2</translation>
    </message>
    <message>
        <source>%1: missing rule ID (see `alerts list`)</source>
        <translation>%1 : ID de règle manquant (voir `alerts list`)</translation>
    </message>
    <message>
        <source>%1: unexpected argument &apos;%2&apos;</source>
        <translation>%1 : argument inattendu « %2 »</translation>
    </message>
    <message>
        <source>%1: ID must be a rule number, got &apos;%2&apos;</source>
        <translation>%1 : l&apos;ID doit être un numéro de règle, reçu « %2 »</translation>
    </message>
    <message>
        <source>alerts list: unexpected argument &apos;%1&apos;</source>
        <translation>alerts list : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no alert rules; add one with `alerts add`</source>
        <translation>aucune règle d&apos;alerte ; ajoutez-en une avec `alerts add`</translation>
    </message>
    <message>
        <source>removed alert %1 (its history is kept)</source>
        <translation>alerte %1 supprimée (son historique est conservé)</translation>
    </message>
    <message>
        <source>alerts test: no alert rule %1</source>
        <translation>alerts test : aucune règle d&apos;alerte %1</translation>
    </message>
    <message>
        <source>alerts test: %1</source>
        <translation>alerts test : %1</translation>
    </message>
    <message>
        <source>the condition holds now: %1</source>
        <translation>la condition est remplie maintenant : %1</translation>
    </message>
    <message>
        <source>the condition does not hold now: %1</source>
        <translation>la condition n&apos;est pas remplie maintenant : %1</translation>
    </message>
    <message>
        <source>when it fires, it sends:</source>
        <translation>quand elle se déclenche, elle envoie :</translation>
    </message>
    <message>
        <source>  desktop: %1 — %2</source>
        <translation>  bureau : %1 — %2</translation>
    </message>
    <message>
        <source>  webhook to %1: %2</source>
        <translation>  webhook vers %1 : %2</translation>
    </message>
    <message>
        <source>alerts history: unexpected argument &apos;%1&apos;</source>
        <translation>alerts history : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no alert has fired yet</source>
        <translation>aucune alerte ne s&apos;est encore déclenchée</translation>
    </message>
    <message>
        <source>--email needs an address</source>
        <translation>--email demande une adresse</translation>
    </message>
    <message>
        <source>  email to %1: %2</source>
        <translation>  courriel à %1 : %2</translation>
    </message>
    <message>
        <source>alerts email: unexpected argument &apos;%1&apos;</source>
        <translation>alerts email : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no mail server set up: alerts email --host HOST [--port 587] [--tls] [--user USER --password-env VAR] --from ADDRESS [--ca-file PEM]</source>
        <translation>aucun serveur de messagerie configuré : alerts email --host HOST [--port 587] [--tls] [--user USER --password-env VAR] --from ADDRESS [--ca-file PEM]</translation>
    </message>
    <message>
        <source>mail server %1:%2 (%3), user %4, from %5, password: %6</source>
        <translation>serveur de messagerie %1:%2 (%3), utilisateur %4, expéditeur %5, mot de passe : %6</translation>
    </message>
    <message>
        <source>--host HOST and --from ADDRESS are required</source>
        <translation>--host HOST et --from ADDRESS sont obligatoires</translation>
    </message>
    <message>
        <source>the environment variable %1 is empty or not set</source>
        <translation>la variable d&apos;environnement %1 est vide ou absente</translation>
    </message>
    <message>
        <source>--password-env goes with --user</source>
        <translation>--password-env va avec --user</translation>
    </message>
    <message>
        <source>alerts email: cannot keep the password: %1</source>
        <translation>alerts email : impossible de conserver le mot de passe : %1</translation>
    </message>
    <message>
        <source>alerts email: cannot write to %1: %2</source>
        <translation>alerts email : impossible d&apos;écrire dans %1 : %2</translation>
    </message>
    <message>
        <source>alert emails go through %1 from %2%3</source>
        <translation>les courriels d&apos;alerte passent par %1 depuis %2%3</translation>
    </message>
    <message>
        <source> (password kept in the %1)</source>
        <translation> (mot de passe conservé dans : %1)</translation>
    </message>
    <message>
        <source>give one of --webhook URL and --webhook-env VARIABLE</source>
        <translation>indiquez l&apos;un de --webhook URL et --webhook-env VARIABLE</translation>
    </message>
    <message>
        <source>--webhook-format goes with --webhook or --webhook-env</source>
        <translation>--webhook-format s&apos;utilise avec --webhook ou --webhook-env</translation>
    </message>
    <message>
        <source>give one rule ID (see `alerts list`)</source>
        <translation>indiquez un ID de règle (voir `alerts list`)</translation>
    </message>
    <message>
        <source>give --webhook URL, --webhook-env VARIABLE, or --webhook &apos;&apos; to remove it</source>
        <translation>indiquez --webhook URL, --webhook-env VARIABLE, ou --webhook &apos;&apos; pour le retirer</translation>
    </message>
    <message>
        <source>changed the webhook of alert %1</source>
        <translation>webhook de l&apos;alerte %1 modifié</translation>
    </message>
    <message>
        <source>alerts: missing subcommand (add, list, edit, remove, test, history or email)</source>
        <translation>alerts : sous-commande manquante (add, list, edit, remove, test, history ou email)</translation>
    </message>
    <message>
        <source>alerts: unknown subcommand &apos;%1&apos; (add, list, edit, remove, test, history or email)</source>
        <translation>alerts : sous-commande inconnue « %1 » (add, list, edit, remove, test, history ou email)</translation>
    </message>
    <message>
        <source>give one condition: --above X, --below X, --change-over DURATION --by X[%], --no-data DURATION or --anomaly</source>
        <translation>donnez une condition : --above X, --below X, --change-over DURÉE --by X[%], --no-data DURÉE ou --anomaly</translation>
    </message>
    <message>
        <source>--sensitivity goes with --anomaly</source>
        <translation>--sensitivity va avec --anomaly</translation>
    </message>
    <message>
        <source>--sensitivity must be low, medium or high, got &apos;%1&apos;</source>
        <translation>--sensitivity doit valoir low, medium ou high, reçu « %1 »</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>days raw request rows are kept (rollups are kept for ever); applied within the hour by a running collector</source>
        <translation>jours de conservation des requêtes brutes (les agrégats sont gardés pour toujours) ; appliqué dans l&apos;heure par une collecte en cours</translation>
    </message>
    <message>
        <source>a City .mmdb file (GeoLite2-City, DB-IP City Lite) for city bubbles; default: the first City database in /usr/share/GeoIP</source>
        <translation>un fichier .mmdb City (GeoLite2-City, DB-IP City Lite) pour les bulles de villes ; par défaut : la première base City de /usr/share/GeoIP</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos;</source>
        <translation>réglage inconnu « %1 »</translation>
    </message>
    <message>
        <source>retention.days: must be a whole number of days from 1 to 36500, got &apos;%1&apos;</source>
        <translation>retention.days : doit être un nombre entier de jours de 1 à 36500, reçu « %1 »</translation>
    </message>
    <message>
        <source>geoip.city_db: no such file &apos;%1&apos;</source>
        <translation>geoip.city_db : fichier introuvable « %1 »</translation>
    </message>
    <message>
        <source>rollups.top_keys: must be a whole number from 10 to 1000000, got &apos;%1&apos;</source>
        <translation>rollups.top_keys : doit être un nombre entier de 10 à 1000000, reçu « %1 »</translation>
    </message>
    <message>
        <source>paths, 404 paths, referrers and user agents kept per hour and per day in the rollups (the rest is summed as other, so totals stay exact), and 10 times as many new ones a day in raw rows: a URL scanner cannot grow the database past this</source>
        <translation>chemins, chemins 404, référents et agents utilisateurs gardés par heure et par jour dans les agrégats (le reste est additionné comme « autre », les totaux restent exacts), et dix fois plus de nouveaux par jour dans les requêtes brutes : un scanner d&apos;URL ne peut pas faire grossir la base au-delà</translation>
    </message>
    <message>
        <source>seconds between evaluations of the alert rules by a running collector or window (1 to 3600)</source>
        <translation>secondes entre deux évaluations des règles d&apos;alerte par une collecte en cours ou par la fenêtre (1 à 3600)</translation>
    </message>
    <message>
        <source>alerts.interval: must be a whole number of seconds from 1 to 3600, got &apos;%1&apos;</source>
        <translation>alerts.interval : doit être un nombre entier de secondes de 1 à 3600, reçu « %1 »</translation>
    </message>
    <message>
        <source>the mail server alert emails go through (set with `alerts email`)</source>
        <translation>le serveur de messagerie des courriels d&apos;alerte (défini par `alerts email`)</translation>
    </message>
    <message>
        <source>its port</source>
        <translation>son port</translation>
    </message>
    <message>
        <source>starttls (port 587) or tls (port 465): mail never goes in clear text</source>
        <translation>starttls (port 587) ou tls (port 465) : le courriel ne circule jamais en clair</translation>
    </message>
    <message>
        <source>the user name for the mail server</source>
        <translation>le nom d&apos;utilisateur pour le serveur de messagerie</translation>
    </message>
    <message>
        <source>the sender address of alert emails</source>
        <translation>l&apos;adresse d&apos;expéditeur des courriels d&apos;alerte</translation>
    </message>
    <message>
        <source>a PEM file of certificates to trust beside the system&apos;s (a private CA)</source>
        <translation>un fichier PEM de certificats de confiance en plus de ceux du système (une autorité privée)</translation>
    </message>
    <message>
        <source>where the mail password is kept: keyring or file (set with `alerts email --password-env VAR`)</source>
        <translation>où est conservé le mot de passe de messagerie : keyring ou file (défini par `alerts email --password-env VAR`)</translation>
    </message>
    <message>
        <source>alerts.smtp.port: must be a port from 1 to 65535, got &apos;%1&apos;</source>
        <translation>alerts.smtp.port : doit être un port de 1 à 65535, reçu « %1 »</translation>
    </message>
    <message>
        <source>alerts.smtp.tls: must be starttls or tls, got &apos;%1&apos;</source>
        <translation>alerts.smtp.tls : doit être starttls ou tls, reçu « %1 »</translation>
    </message>
    <message>
        <source>alerts.smtp.password: must be keyring or file, got &apos;%1&apos;</source>
        <translation>alerts.smtp.password : doit être keyring ou file, reçu « %1 »</translation>
    </message>
    <message>
        <source>%1: no spaces or line breaks, got &apos;%2&apos;</source>
        <translation>%1 : ni espaces ni sauts de ligne, reçu « %2 »</translation>
    </message>
    <message>
        <source>%1: must not be empty</source>
        <translation>%1 : ne doit pas être vide</translation>
    </message>
    <message>
        <source>alerts.smtp.ca_file: no PEM certificate in &apos;%1&apos;</source>
        <translation>alerts.smtp.ca_file : aucun certificat PEM dans « %1 »</translation>
    </message>
    <message>
        <source>must be an email address like name@example.org, got &apos;%1&apos;</source>
        <translation>doit être une adresse électronique comme nom@example.org, reçu « %1 »</translation>
    </message>
    <message>
        <source>seconds an API request may go without receiving a byte before it is abandoned (and retried)</source>
        <translation>secondes pendant lesquelles une requête d&apos;API peut ne recevoir aucun octet avant d&apos;être abandonnée (et réessayée)</translation>
    </message>
    <message>
        <source>http.timeout: must be a whole number of seconds from 1 to 600, got &apos;%1&apos;</source>
        <translation>http.timeout : doit être un nombre entier de secondes de 1 à 600, reçu « %1 »</translation>
    </message>
    <message>
        <source>MiB of received log lines a collector keeps in memory while the store cannot be written (a full disk, PostgreSQL restarting); lines past it are dropped and counted (16 to 65536)</source>
        <translation>Mio de lignes de journal reçues qu&apos;un collecteur garde en mémoire tant que le stockage ne peut pas être écrit (disque plein, PostgreSQL qui redémarre) ; les lignes au-delà sont écartées et comptées (16 à 65536)</translation>
    </message>
    <message>
        <source>store.buffer: must be a whole number of MiB from 16 to 65536, got &apos;%1&apos;</source>
        <translation>store.buffer : doit être un nombre entier de Mio de 16 à 65536, reçu « %1 »</translation>
    </message>
    <message>
        <source>whose requests the window&apos;s traffic figures count: all, humans or bots (classified at ingest by the agents file, agents.json)</source>
        <translation>les requêtes que comptent les chiffres de trafic de la fenêtre : all (toutes), humans (humains) ou bots (classées à l&apos;ingestion par le fichier des agents, agents.json)</translation>
    </message>
    <message>
        <source>traffic.agents: must be all, humans or bots, got &apos;%1&apos;</source>
        <translation>traffic.agents : doit valoir all, humans ou bots, reçu « %1 »</translation>
    </message>
    <message>
        <source>on or off: the window&apos;s time charts overlay the period before the range (the header&apos;s toggle)</source>
        <translation>on ou off : les graphiques temporels de la fenêtre superposent la période précédant la plage (le bouton de l&apos;en-tête)</translation>
    </message>
    <message>
        <source>which requested files are downloads, whatever their case: file endings (.tar.gz) and path wildcards (/dl/*), separated by spaces</source>
        <translation>quels fichiers demandés sont des téléchargements, quelle que soit la casse : fins de nom (.tar.gz) et jokers de chemin (/dl/*), séparés par des espaces</translation>
    </message>
    <message>
        <source>seconds from a download&apos;s first request within which the same client&apos;s requests (206 ranges) for the same file make one download (60 to 86400)</source>
        <translation>secondes depuis la première requête d&apos;un téléchargement pendant lesquelles les requêtes du même client (plages 206) pour le même fichier font un seul téléchargement (60 à 86400)</translation>
    </message>
    <message>
        <source>downloads.window: must be a whole number of seconds from 60 to 86400, got &apos;%1&apos;</source>
        <translation>downloads.window : doit être un nombre entier de secondes de 60 à 86400, reçu « %1 »</translation>
    </message>
    <message>
        <source>on or off: check crawlers whose owner publishes how (Googlebot, Bingbot, GPTBot...) by the published address ranges and by reverse DNS, so a spoofed one is not counted as the crawler it claims</source>
        <translation>on ou off : vérifier les robots dont le propriétaire publie comment (Googlebot, Bingbot, GPTBot...) par les plages d&apos;adresses publiées et par le DNS inverse, pour qu&apos;un imposteur ne soit pas compté comme le robot qu&apos;il prétend être</translation>
    </message>
    <message>
        <source>the DNS server crawler checks ask, as address[:port]; default: the system&apos;s (/etc/resolv.conf)</source>
        <translation>le serveur DNS qu&apos;interrogent les vérifications de robots, sous la forme adresse[:port] ; par défaut : celui du système (/etc/resolv.conf)</translation>
    </message>
    <message>
        <source>seconds `import` waits at its end for crawler checks still running (0 to 600); those left stay unverified</source>
        <translation>secondes pendant lesquelles `import` attend à la fin les vérifications de robots en cours (0 à 600) ; les autres restent non vérifiées</translation>
    </message>
    <message>
        <source>agents.verify: must be on or off, got &apos;%1&apos;</source>
        <translation>agents.verify : doit valoir on ou off, reçu « %1 »</translation>
    </message>
    <message>
        <source>agents.dns_server: must be an address with an optional port (127.0.0.1:5353), got &apos;%1&apos;</source>
        <translation>agents.dns_server : doit être une adresse avec un port facultatif (127.0.0.1:5353), reçu « %1 »</translation>
    </message>
    <message>
        <source>agents.verify_wait: must be a whole number of seconds from 0 to 600, got &apos;%1&apos;</source>
        <translation>agents.verify_wait : doit être un nombre entier de secondes de 0 à 600, reçu « %1 »</translation>
    </message>
    <message>
        <source>charts.previous: must be on or off, got &apos;%1&apos;</source>
        <translation>charts.previous : doit valoir on ou off, reçu « %1 »</translation>
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
        <translation>%1 : l&apos;option --%2 est donnée deux fois</translation>
    </message>
    <message>
        <source>%1: option --%2 needs a value</source>
        <translation>%1 : l&apos;option --%2 attend une valeur</translation>
    </message>
    <message>
        <source>%1: option --%2 takes no value</source>
        <translation>%1 : l&apos;option --%2 ne prend pas de valeur</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>bytes</source>
        <translation>octets</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>Kio</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>TiB</source>
        <translation>Tio</translation>
    </message>
</context>
<context>
    <name>CollectAlertsText</name>
    <message>
        <source>alert %1</source>
        <translation>alerte %1</translation>
    </message>
    <message>
        <source>alert webhook (history %1): %2</source>
        <translation>webhook d&apos;alerte (historique %1) : %2</translation>
    </message>
    <message>
        <source>alerts not evaluated: %1</source>
        <translation>alertes non évaluées : %1</translation>
    </message>
    <message>
        <source>the mail server&apos;s password cannot be read: %1</source>
        <translation>le mot de passe du serveur de messagerie ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>alert email (history %1): %2</source>
        <translation>courriel d&apos;alerte (historique %1) : %2</translation>
    </message>
    <message>
        <source>alert %1 (history %2): %3</source>
        <translation>alerte %1 (historique %2) : %3</translation>
    </message>
</context>
<context>
    <name>CollectApiText</name>
    <message>
        <source>source %1: %2</source>
        <translation>source %1 : %2</translation>
    </message>
    <message>
        <source>source %1 (%2): ok</source>
        <translation>source %1 (%2) : ok</translation>
    </message>
    <message>
        <source>source %1 (%2): %3</source>
        <translation>source %1 (%2) : %3</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) failed</source>
        <translation>
            <numerusform>%n source en échec</numerusform>
            <numerusform>%n sources en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>impossible d&apos;écrire dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>CollectCommand</name>
    <message>
        <source>collect: unexpected argument &apos;%1&apos;</source>
        <translation>collect : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>collecting; stop with Ctrl+C</source>
        <translation>collecte en cours ; arrêtez avec Ctrl+C</translation>
    </message>
    <message>
        <source>collect: --name needs a name</source>
        <translation>collect : --name demande un nom</translation>
    </message>
    <message>
        <source>%1; keeping what arrives in memory and trying again</source>
        <translation>%1 ; ce qui arrive est gardé en mémoire, nouvel essai en cours</translation>
    </message>
    <message>
        <source>activity-dashboard: writing again</source>
        <translation>activity-dashboard : l&apos;écriture fonctionne de nouveau</translation>
    </message>
    <message>
        <source>collecting into %1 as %2</source>
        <translation>collecte dans %1 sous le nom %2</translation>
    </message>
    <message>
        <source>collecting</source>
        <translation>collecte en cours</translation>
    </message>
    <message>
        <source>cannot write, buffering: %1</source>
        <translation>écriture impossible, mise en mémoire : %1</translation>
    </message>
</context>
<context>
    <name>CollectLockText</name>
    <message>
        <source>another Activity Dashboard (process %1) is already collecting for %2</source>
        <translation>un autre Activity Dashboard (processus %1) collecte déjà pour %2</translation>
    </message>
    <message>
        <source>cannot lock %1 to collect</source>
        <translation>impossible de verrouiller %1 pour collecter</translation>
    </message>
</context>
<context>
    <name>CollectLogsText</name>
    <message numerus="yes">
        <source>%n line(s) received could not be stored (%1)</source>
        <translation>
            <numerusform>%n ligne reçue n&apos;a pas pu être enregistrée (%1)</numerusform>
            <numerusform>%n lignes reçues n&apos;ont pas pu être enregistrées (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>source %1 (%2): a listener receives only while collecting (run collect)</source>
        <translation>source %1 (%2) : un écouteur ne reçoit que pendant la collecte (lancez collect)</translation>
    </message>
    <message>
        <source>source %1 (%2): read %3 lines, stored %4, rejected %5</source>
        <translation>source %1 (%2) : %3 lignes lues, %4 enregistrées, %5 rejetées</translation>
    </message>
</context>
<context>
    <name>CollectorText</name>
    <message>
        <source>the environment variable %1 (--token-env) is not set</source>
        <translation>la variable d&apos;environnement %1 (--token-env) n&apos;est pas définie</translation>
    </message>
    <message>
        <source>rate limit reached (HTTP %1); waiting until %2</source>
        <translation>limite de requêtes atteinte (HTTP %1) ; attente jusqu&apos;à %2</translation>
    </message>
    <message>
        <source>GET %1: %2</source>
        <translation>GET %1 : %2</translation>
    </message>
    <message>
        <source>GET %1: HTTP %2</source>
        <translation>GET %1 : HTTP %2</translation>
    </message>
    <message>
        <source>GET %1: next page on another host (%2)</source>
        <translation>GET %1 : page suivante sur un autre hôte (%2)</translation>
    </message>
    <message>
        <source>this source has a stored token, but no token store was opened</source>
        <translation>cette source a un jeton enregistré, mais aucun magasin de jetons n&apos;est ouvert</translation>
    </message>
    <message>
        <source>the stored token could not be read: %1</source>
        <translation>le jeton enregistré n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>cannot store what was fetched: %1</source>
        <translation>impossible d&apos;enregistrer ce qui a été récupéré : %1</translation>
    </message>
    <message>
        <source>this source has stored secrets, but no token store was opened</source>
        <translation>cette source a des secrets enregistrés, mais aucun coffre à jetons n&apos;est ouvert</translation>
    </message>
    <message>
        <source>the secrets of this source are not on this machine (%1): give them again with `activity-dashboard sources edit %2` and the options that held them</source>
        <translation>les secrets de cette source ne sont pas sur cette machine (%1) : indiquez-les de nouveau avec `activity-dashboard sources edit %2` et les options qui les contenaient</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvables</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Stores nginx access logs: FILE is a path, &apos;-&apos; for standard input; .gz files are read as they are.
  --site NAME      the site the lines belong to (default: &quot;default&quot;)
  --format FORMAT  combined (the default), or an nginx log_format string in quotes, for example
                   &apos;$remote_addr - $remote_user [$time_local] &quot;$request&quot; $status $body_bytes_sent&apos;
                   (any nginx variable is accepted; those the dashboard does not use are kept as text)
  --force          import again lines already imported from the same file
A file imported before (or the same file grown, or its rotated .gz copy) stores only what is new.</source>
        <translation>Enregistre des journaux d&apos;accès nginx : FILE est un chemin, « - » pour l&apos;entrée standard ; les fichiers .gz sont lus tels quels.
  --site NAME      le site auquel les lignes appartiennent (par défaut : « default »)
  --format FORMAT  combined (par défaut), ou une chaîne log_format nginx entre guillemets, par exemple
                   &apos;$remote_addr - $remote_user [$time_local] &quot;$request&quot; $status $body_bytes_sent&apos;
                   (toute variable nginx est acceptée ; celles que le tableau de bord n&apos;utilise pas sont gardées comme texte)
  --force          importer de nouveau les lignes déjà importées du même fichier
Un fichier déjà importé (ou le même fichier agrandi, ou sa copie .gz après rotation) n&apos;enregistre que ce qui est nouveau.</translation>
    </message>
    <message>
        <source>Every figure stored, by id: traffic.requests, traffic.visitors, traffic.bytes, traffic.errors,
traffic.status.2xx ... traffic.status.5xx, traffic.share.5xx (percent), each optionally for one site,
country or path: traffic.requests{site=&quot;www&quot;,country=&quot;DE&quot;}; ingest.received{source=&quot;3&quot;};
API figures such as github.stars{repo=&quot;acme/rocket&quot;}. `get` prints one value per step (default: 5m
up to a day, 1h up to 31 days, else 1d) over the range (default: the last 7 days).</source>
        <translation>Chaque chiffre enregistré, par identifiant : traffic.requests, traffic.visitors, traffic.bytes, traffic.errors,
traffic.status.2xx ... traffic.status.5xx, traffic.share.5xx (pourcentage), chacun éventuellement pour un site,
un pays ou un chemin : traffic.requests{site=&quot;www&quot;,country=&quot;DE&quot;} ; ingest.received{source=&quot;3&quot;} ;
les chiffres d&apos;API comme github.stars{repo=&quot;acme/rocket&quot;}. `get` affiche une valeur par pas (par défaut : 5m
jusqu&apos;à un jour, 1h jusqu&apos;à 31 jours, sinon 1d) sur la période (par défaut : les 7 derniers jours).</translation>
    </message>
    <message>
        <source>The pages built in the window (New page): export one to a JSON file and import it on another machine.
`report` renders each as custom-NAME.png with its figures in custom-NAME.csv.</source>
        <translation>Les pages créées dans la fenêtre (Nouvelle page) : exportez-en une dans un fichier JSON et importez-la sur une autre machine.
`report` rend chacune en custom-NAME.png avec ses chiffres dans custom-NAME.csv.</translation>
    </message>
    <message>
        <source>Runs every source: listeners and followed files receive, API sources poll on their intervals, alert
rules are evaluated. Stop it with Ctrl+C (or SIGTERM): what was received is stored first.
  --once       polls each API source and reads each followed file once, then exits
  --name NAME  this collector&apos;s name in a store shared by several (default: the host name). Each API
               source is polled by one live collector at a time; a log source is opened by the
               collector its --collector names.
A write that fails (a full disk, a PostgreSQL store restarting) is said once; what arrives meanwhile
waits in memory (setting store.buffer, in MiB, default 256) and is written when the store is back.</source>
        <translation>Fait tourner chaque source : les écouteurs et fichiers suivis reçoivent, les sources d&apos;API interrogent
à leur intervalle, les règles d&apos;alerte sont évaluées. Arrêt par Ctrl+C (ou SIGTERM) : ce qui a été reçu
est d&apos;abord enregistré.
  --once       interroge chaque source d&apos;API et lit chaque fichier suivi une fois, puis s&apos;arrête
  --name NOM   le nom de ce collecteur dans un stockage partagé (par défaut : le nom de la machine).
               Chaque source d&apos;API est interrogée par un seul collecteur vivant à la fois ; une source
               de journaux est ouverte par le collecteur que nomme son --collector.
Une écriture qui échoue (disque plein, PostgreSQL qui redémarre) est signalée une fois ; ce qui arrive
entre-temps attend en mémoire (réglage store.buffer, en Mio, 256 par défaut) et est écrit au retour du stockage.</translation>
    </message>
    <message>
        <source>`edit` changes the options given and keeps the others (an empty value removes an optional one).
Secrets in options (an API key in a URL&apos;s query, a password in a URL, the value of a credential header
such as Authorization or X-Api-Key) are kept like tokens: in the desktop keyring, else in the data
folder&apos;s private tokens.json. The database, backups and every output show them masked (••••).
  --header-env &apos;NAME=VARIABLE&apos;  (http-json) a header whose value is read from the environment
  --collector NAME              (listeners, followed files) the collector that opens it in a shared
                                store (default: this host&apos;s name, as `collect` calls itself)</source>
        <translation>`edit` change les options données et garde les autres (une valeur vide retire une option facultative).
Les secrets des options (une clé d&apos;API dans la requête d&apos;une URL, un mot de passe dans une URL, la valeur
d&apos;un en-tête d&apos;identification comme Authorization ou X-Api-Key) sont gardés comme les jetons : dans le
trousseau du bureau, sinon dans le tokens.json privé du dossier de données. La base, les sauvegardes et
toutes les sorties les montrent masqués (••••).
  --header-env &apos;NOM=VARIABLE&apos;   (http-json) un en-tête dont la valeur est lue dans l&apos;environnement
  --collector NOM               (écouteurs, fichiers suivis) le collecteur qui l&apos;ouvre dans un stockage
                                partagé (par défaut : le nom de cette machine, celui de `collect`)</translation>
    </message>
    <message>
        <source>The store is where every figure is kept: a SQLite file (sqlite:PATH, the default is the data folder&apos;s
activity.sqlite) or a PostgreSQL database a team shares (postgresql://USER@HOST:PORT/DB?sslmode=...;
the password from ~/.pgpass or PGPASSWORD). Every command and the window take --store URL, or
ACTIVITY_STORE.
  init URL                    creates the schema in a PostgreSQL database, and the roles
                              activity_collector (writes) and activity_viewer (reads only), or prints
                              the GRANTs for an administrator
  migrate --from URL --to URL copies everything (sources, figures, requests, settings, alerts, pages)
                              from one store to another, SQLite or PostgreSQL, into an empty store or
                              on from where an interrupted copy stopped; checks the rows of every table</source>
        <translation>Le stockage garde tous les chiffres : un fichier SQLite (sqlite:CHEMIN, par défaut activity.sqlite du
dossier de données) ou une base PostgreSQL partagée par une équipe (postgresql://UTILISATEUR@HÔTE:PORT/BASE?sslmode=... ;
le mot de passe vient de ~/.pgpass ou PGPASSWORD). Chaque commande et la fenêtre acceptent --store URL,
ou ACTIVITY_STORE.
  init URL                    crée le schéma dans une base PostgreSQL et les rôles activity_collector
                              (écriture) et activity_viewer (lecture seule), ou affiche les GRANT
                              qu&apos;un administrateur exécutera
  migrate --from URL --to URL copie tout (sources, chiffres, requêtes, réglages, alertes, pages) d&apos;un
                              stockage à un autre, SQLite ou PostgreSQL, dans un stockage vide ou à partir
                              de l&apos;endroit où une copie interrompue s&apos;est arrêtée ; vérifie les lignes de chaque table</translation>
    </message>
    <message>
        <source>Your own events (&quot;Posted on Hacker News&quot;, &quot;Talk at FOSDEM&quot;), drawn as markers on every time chart
and listed in the report&apos;s events.csv. TIME is a date (2026-11-25, midnight UTC) or an ISO 8601 time
(2026-11-25T14:30:00Z; without a zone, UTC). --url is an http:// or https:// link.</source>
        <translation>Vos propres évènements (&quot;Posté sur Hacker News&quot;, &quot;Exposé au FOSDEM&quot;), marqués sur chaque graphique temporel
et listés dans le fichier events.csv du rapport. TIME est une date (2026-11-25, minuit UTC) ou une heure ISO 8601
(2026-11-25T14:30:00Z ; sans fuseau, UTC). --url est un lien http:// ou https://.</translation>
    </message>
    <message>
        <source>Every event on the charts, oldest first: releases (GitHub, back-filled on a source&apos;s first poll), notes,
alert firings and resolutions. Without --from and --to, all of them.</source>
        <translation>Tous les évènements des graphiques, du plus ancien au plus récent : versions publiées (GitHub, reprises à la première
interrogation d&apos;une source), notes, alertes déclenchées et résolues. Sans --from ni --to, tous.</translation>
    </message>
    <message>
        <source>Requests for files (settings downloads.patterns: .tar.gz .zip .deb ... .AppImage .iso by default) are
download attempts; a client&apos;s 206 ranges of one file within downloads.window seconds (default 600) are
one attempt, completed when they cover the file. `report` writes downloads.csv and releases.csv
(people&apos;s downloads unless --agents says whose). A file&apos;s size comes from the log (a whole 200,
$sent_http_content_range, $sent_http_content_length); where the log cannot tell it, give it:
  size PATH BYTES   the file&apos;s size (none: forget it)
  sizes             the sizes given</source>
        <translation>Les requêtes de fichiers (réglage downloads.patterns : .tar.gz .zip .deb ... .AppImage .iso par défaut)
sont des tentatives de téléchargement ; les plages 206 d&apos;un client pour un fichier dans les
downloads.window secondes (600 par défaut) forment une tentative, terminée quand elles couvrent le fichier.
`report` écrit downloads.csv et releases.csv (téléchargements des personnes sauf si --agents dit de qui).
La taille d&apos;un fichier vient du journal (un 200 entier, $sent_http_content_range,
$sent_http_content_length) ; quand le journal ne peut pas la dire, indiquez-la :
  size PATH BYTES   la taille du fichier (none : l&apos;oublier)
  sizes             les tailles indiquées</translation>
    </message>
    <message>
        <source>Checks again the crawlers that claim a name whose owner publishes how to check it (Googlebot, Bingbot,
GPTBot...) and could not be checked when they came (offline, or `import` ended first): by the published
address ranges, else by reverse DNS with forward confirmation (setting agents.dns_server). The verdicts
apply to the requests already stored: agents.csv says verified or spoofed.</source>
        <translation>Vérifie de nouveau les robots qui se réclament d&apos;un nom dont le propriétaire publie comment le vérifier (Googlebot,
Bingbot, GPTBot...) et qui n&apos;ont pas pu être vérifiés à leur arrivée (hors ligne, ou `import` terminé avant) : par
les plages d&apos;adresses publiées, sinon par DNS inverse avec confirmation directe (réglage agents.dns_server). Les
verdicts s&apos;appliquent aux requêtes déjà enregistrées : agents.csv indique verified ou spoofed.</translation>
    </message>
    <message>
        <source>Rules on any series of `series list`, evaluated by a running `collect` or window (setting
alerts.interval, default every 60 s):
  --above X, --below X        the value: traffic figures summed over --window (default 5m),
                              API figures their latest value
  --change-over D --by X[%]   the value against the value D before; X &lt; 0 for a fall (--by -1: fell)
  --no-data D                 nothing stored for D (a stalled source, a silent listener)
  --anomaly                   the value (summed over --window, default 1h) leaves its usual band for
                              that hour of the week: the median and median absolute deviation of the
                              same hour over the last four weeks; needs two weeks of data to fire.
                              --sensitivity low, medium (default) or high: 6, 4 or 3 deviations wide
  --for D                     the condition holds this long before it fires (default 0)
  --repeat D                  sent again while firing, this often (default 4h)
  --webhook URL               POSTs JSON when it fires and resolves (Slack and Matrix bodies for
                              their URLs, or as --webhook-format says). The URL is a secret: kept
                              in the keyring (or the private tokens.json), shown by its host only
  --webhook-env VARIABLE      the webhook&apos;s URL is read from this environment variable when sent
`edit` gives a rule its webhook again (after a restore on another machine) or another.
`test` evaluates a rule now and prints what it would send; `history` lists what fired and resolved.</source>
        <translation>Règles sur toute série de `series list`, évaluées par un `collect` ou une fenêtre en cours (réglage
alerts.interval, toutes les 60 s par défaut) :
  --above X, --below X        la valeur : chiffres de trafic additionnés sur --window (5m par défaut),
                              chiffres d&apos;API leur dernière valeur
  --change-over D --by X[%]   la valeur comparée à celle d&apos;il y a D ; X &lt; 0 pour une baisse (--by -1 : a baissé)
  --no-data D                 rien d&apos;enregistré pendant D (une source bloquée, un récepteur muet)
  --anomaly                   la valeur (additionnée sur --window, 1h par défaut) sort de sa plage habituelle
                              pour cette heure de la semaine : médiane et écart absolu médian de la même
                              heure sur les quatre dernières semaines ; il faut deux semaines de données.
                              --sensitivity low, medium (par défaut) ou high : 6, 4 ou 3 écarts de large
  --for D                     la condition tient aussi longtemps avant le déclenchement (0 par défaut)
  --repeat D                  renvoyée tant qu&apos;elle est active, à cette fréquence (4h par défaut)
  --webhook URL               envoie du JSON (POST) au déclenchement et à la résolution (corps Slack et
                              Matrix pour leurs URL, ou selon --webhook-format). L&apos;URL est un secret :
                              gardée dans le trousseau (ou le fichier privé tokens.json), montrée par son hôte seul
  --webhook-env VARIABLE      l&apos;URL du webhook est lue dans cette variable d&apos;environnement à l&apos;envoi
`edit` redonne son webhook à une règle (après une restauration sur une autre machine) ou en change.
`test` évalue une règle maintenant et affiche ce qu&apos;elle enverrait ; `history` liste ce qui s&apos;est déclenché et résolu.</translation>
    </message>
    <message>
        <source>Writes CSV files and page images of the range (default: the last 30 days) into DIR, among them
events.csv (releases, notes, alerts: time,kind,source,title,url), movers.csv (the referrers, paths,
countries and agents that rose or fell most against the period just before, by significance),
downloads.csv (path,version,started,completed,bytes) and releases.csv (version,source,day,downloads:
source site, the completed downloads, or github, the release-asset downloads gained per day).
  --agents     humans, bots or all (default): whose requests the traffic files count (agents.csv
               lists people and every bot by class and name); downloads count people&apos;s unless given
  --compare    requests.csv also has requests_before,visitors_before,bytes_before: the period just
               before the range, bucket beside bucket</source>
        <translation>Écrit les fichiers CSV et les images des pages de la période (par défaut les 30 derniers jours) dans DIR,
dont events.csv (versions, notes, alertes : time,kind,source,title,url), movers.csv (les référents, chemins,
pays et agents qui ont le plus monté ou baissé par rapport à la période juste avant, par importance),
downloads.csv (path,version,started,completed,bytes) et releases.csv (version,source,day,downloads :
source site, les téléchargements complets, ou github, ceux des fichiers de versions gagnés par jour).
  --agents     humans, bots ou all (par défaut) : de qui les fichiers de trafic comptent les requêtes
               (agents.csv liste les personnes et chaque robot par classe et par nom) ; les
               téléchargements sont ceux des personnes sauf si l&apos;option est donnée
  --compare    requests.csv a aussi requests_before,visitors_before,bytes_before : la période juste
               avant, intervalle à côté d&apos;intervalle</translation>
    </message>
</context>
<context>
    <name>CrawlerChecksText</name>
    <message>
        <source>cannot read the crawler check file %1: %2</source>
        <translation>impossible de lire le fichier de vérification des robots %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a JSON object (%2)</source>
        <translation>%1 n&apos;est pas un objet JSON (%2)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>the range file name &apos;%1&apos; of &apos;%2&apos; must be a plain file name</source>
        <translation>le nom de fichier de plages « %1 » de « %2 » doit être un simple nom de fichier</translation>
    </message>
    <message>
        <source>%1: &quot;prefixes&quot; must be a list of {&quot;ipv4Prefix&quot;} or {&quot;ipv6Prefix&quot;}</source>
        <translation>%1 : « prefixes » doit être une liste de {&quot;ipv4Prefix&quot;} ou {&quot;ipv6Prefix&quot;}</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an address prefix</source>
        <translation>%1 : « %2 » n&apos;est pas un préfixe d&apos;adresses</translation>
    </message>
    <message>
        <source>%1: &quot;verifiers&quot; must be an object of {ranges, dns} by owner</source>
        <translation>%1 : « verifiers » doit être un objet de {ranges, dns} par propriétaire</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; has an empty or invalid DNS domain</source>
        <translation>%1 : « %2 » a un domaine DNS vide ou invalide</translation>
    </message>
</context>
<context>
    <name>CsvText</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>DailyText</name>
    <message>
        <source>GET %1: unexpected answer</source>
        <translation>GET %1 : réponse inattendue</translation>
    </message>
</context>
<context>
    <name>DashboardService</name>
    <message>
        <source>a page named &apos;%1&apos; exists already</source>
        <translation>une page nommée « %1 » existe déjà</translation>
    </message>
    <message>
        <source>no page %1</source>
        <translation>aucune page %1</translation>
    </message>
    <message>
        <source>not a dashboard file: %1 at byte %2</source>
        <translation>ce n&apos;est pas un fichier de page personnalisée : %1 à l&apos;octet %2</translation>
    </message>
</context>
<context>
    <name>Dashboards</name>
    <message>
        <source>a dashboard needs a name</source>
        <translation>une page personnalisée doit avoir un nom</translation>
    </message>
    <message>
        <source>panel %1</source>
        <translation>panneau %1</translation>
    </message>
    <message>
        <source>%1: width must be 1 to %2 columns, got %3</source>
        <translation>%1 : la largeur doit être de 1 à %2 colonnes, reçu %3</translation>
    </message>
    <message>
        <source>%1: height must be 1 to 3 rows, got %2</source>
        <translation>%1 : la hauteur doit être de 1 à 3 lignes, reçu %2</translation>
    </message>
    <message>
        <source>%1: range must be empty (the page&apos;s) or one of 24h, 7d, 30d, 90d, 1y, got &apos;%2&apos;</source>
        <translation>%1 : la période doit être vide (celle de la page) ou l&apos;une de 24h, 7d, 30d, 90d, 1y, reçu « %2 »</translation>
    </message>
    <message>
        <source>%1: it draws no series</source>
        <translation>%1 : il ne trace aucune série</translation>
    </message>
    <message>
        <source>not a dashboard file: no &quot;schema&quot; version</source>
        <translation>ce n&apos;est pas un fichier de page personnalisée : pas de version &quot;schema&quot;</translation>
    </message>
    <message>
        <source>this dashboard has schema version %1, newer than this program knows (%2): upgrade Activity Dashboard to import it</source>
        <translation>cette page personnalisée a la version de schéma %1, plus récente que celle connue par ce programme (%2) : mettez à jour Activity Dashboard pour l&apos;importer</translation>
    </message>
    <message>
        <source>&quot;panels&quot; must be an array</source>
        <translation>&quot;panels&quot; doit être un tableau</translation>
    </message>
    <message>
        <source>panel %1: kind must be one of %2, got &apos;%3&apos;</source>
        <translation>panneau %1 : kind doit être l&apos;un de %2, reçu « %3 »</translation>
    </message>
</context>
<context>
    <name>DashboardsText</name>
    <message>
        <source>%1: ID must be a page number (see `dashboards list`), got &apos;%2&apos;</source>
        <translation>%1 : l&apos;ID doit être un numéro de page (voir `dashboards list`), reçu « %2 »</translation>
    </message>
    <message>
        <source>%1: expected %2</source>
        <translation>%1 : %2 attendu</translation>
    </message>
    <message>
        <source>dashboards: missing subcommand (list, export, import or remove)</source>
        <translation>dashboards : sous-commande manquante (list, export, import ou remove)</translation>
    </message>
    <message>
        <source>dashboards: unknown subcommand &apos;%1&apos; (list, export, import or remove)</source>
        <translation>dashboards : sous-commande inconnue « %1 » (list, export, import ou remove)</translation>
    </message>
    <message>
        <source>%1 panels</source>
        <translation>%1 panneaux</translation>
    </message>
    <message>
        <source>no custom page yet: add one in the window (New page), or import a file</source>
        <translation>pas encore de page personnalisée : ajoutez-en une dans la fenêtre (Nouvelle page), ou importez un fichier</translation>
    </message>
    <message>
        <source>dashboards export: no page %1</source>
        <translation>dashboards export : aucune page %1</translation>
    </message>
    <message>
        <source>dashboards export: cannot write %1: %2</source>
        <translation>dashboards export : impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>exported page %1 (%2) to %3</source>
        <translation>page %1 (%2) exportée dans %3</translation>
    </message>
    <message>
        <source>dashboards import: cannot read %1: %2</source>
        <translation>dashboards import : impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>dashboards import: %1: %2</source>
        <translation>dashboards import : %1 : %2</translation>
    </message>
    <message>
        <source>imported page %1: %2</source>
        <translation>page %1 importée : %2</translation>
    </message>
    <message>
        <source>removed page %1</source>
        <translation>page %1 supprimée</translation>
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
        <translation>le dossier de données %1 existe mais n&apos;est pas un dossier</translation>
    </message>
    <message>
        <source>cannot create data directory %1</source>
        <translation>impossible de créer le dossier de données %1</translation>
    </message>
    <message>
        <source>cannot write in data directory %1: %2</source>
        <translation>impossible d&apos;écrire dans le dossier de données %1 : %2</translation>
    </message>
</context>
<context>
    <name>DbWriter</name>
    <message>
        <source>the database writer has stopped</source>
        <translation>l&apos;écriture dans la base de données est arrêtée</translation>
    </message>
</context>
<context>
    <name>DnsText</name>
    <message>
        <source>the DNS server &apos;%1&apos; is not an address with an optional port (127.0.0.1:5353)</source>
        <translation>le serveur DNS « %1 » n&apos;est pas une adresse avec un port facultatif (127.0.0.1:5353)</translation>
    </message>
    <message>
        <source>cannot open a socket for DNS: %1</source>
        <translation>impossible d&apos;ouvrir une socket pour le DNS : %1</translation>
    </message>
    <message>
        <source>a DNS answer too short</source>
        <translation>une réponse DNS trop courte</translation>
    </message>
    <message>
        <source>not a DNS answer</source>
        <translation>pas une réponse DNS</translation>
    </message>
    <message>
        <source>the DNS server answered with error code %1</source>
        <translation>le serveur DNS a répondu avec le code d&apos;erreur %1</translation>
    </message>
    <message>
        <source>a malformed DNS answer</source>
        <translation>une réponse DNS mal formée</translation>
    </message>
    <message>
        <source>no answer from the DNS server %1</source>
        <translation>pas de réponse du serveur DNS %1</translation>
    </message>
</context>
<context>
    <name>DockerHubText</name>
    <message>
        <source>GET %1: unexpected answer</source>
        <translation>GET %1 : réponse inattendue</translation>
    </message>
</context>
<context>
    <name>DownloadPatterns</name>
    <message>
        <source>downloads.patterns: &apos;.&apos; alone is no file ending</source>
        <translation>downloads.patterns : « . » seul n&apos;est pas une fin de nom de fichier</translation>
    </message>
    <message>
        <source>downloads.patterns: &apos;%1&apos; is neither a file ending (.tar.gz) nor a path wildcard (/dl/*)</source>
        <translation>downloads.patterns : « %1 » n&apos;est ni une fin de nom de fichier (.tar.gz) ni un joker de chemin (/dl/*)</translation>
    </message>
    <message>
        <source>downloads.patterns: &apos;%1&apos; is not a usable wildcard</source>
        <translation>downloads.patterns : « %1 » n&apos;est pas un joker utilisable</translation>
    </message>
    <message>
        <source>downloads.patterns: give at least one file ending (.tar.gz) or path wildcard (/dl/*)</source>
        <translation>downloads.patterns : indiquez au moins une fin de nom de fichier (.tar.gz) ou un joker de chemin (/dl/*)</translation>
    </message>
</context>
<context>
    <name>DownloadsText</name>
    <message>
        <source>downloads size: expected PATH BYTES (or PATH none to forget it)</source>
        <translation>downloads size : PATH BYTES attendus (ou PATH none pour l&apos;oublier)</translation>
    </message>
    <message>
        <source>downloads size: PATH is a request path starting with &apos;/&apos;, got &apos;%1&apos;</source>
        <translation>downloads size : PATH est un chemin de requête commençant par « / », reçu « %1 »</translation>
    </message>
    <message>
        <source>downloads size: no size was given for %1</source>
        <translation>downloads size : aucune taille n&apos;a été indiquée pour %1</translation>
    </message>
    <message>
        <source>%1: size forgotten (read from the log again)</source>
        <translation>%1 : taille oubliée (de nouveau lue dans le journal)</translation>
    </message>
    <message>
        <source>downloads size: BYTES must be a whole number above 0, got &apos;%1&apos;</source>
        <translation>downloads size : BYTES doit être un nombre entier supérieur à 0, reçu « %1 »</translation>
    </message>
    <message>
        <source>%1 is %2 bytes</source>
        <translation>%1 fait %2 octets</translation>
    </message>
    <message>
        <source>downloads size: %1</source>
        <translation>downloads size : %1</translation>
    </message>
    <message>
        <source>downloads sizes: unexpected argument &apos;%1&apos;</source>
        <translation>downloads sizes : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no size given: sizes come from the log (give one with `downloads size PATH BYTES`)</source>
        <translation>aucune taille indiquée : les tailles viennent du journal (indiquez-en une avec `downloads size PATH BYTES`)</translation>
    </message>
    <message>
        <source>downloads sizes: %1</source>
        <translation>downloads sizes : %1</translation>
    </message>
    <message>
        <source>downloads: missing subcommand (size or sizes)</source>
        <translation>downloads : sous-commande manquante (size ou sizes)</translation>
    </message>
    <message>
        <source>downloads: unknown subcommand &apos;%1&apos; (size or sizes)</source>
        <translation>downloads : sous-commande inconnue « %1 » (size ou sizes)</translation>
    </message>
</context>
<context>
    <name>EventService</name>
    <message>
        <source>the note&apos;s text is empty</source>
        <translation>le texte de la note est vide</translation>
    </message>
    <message>
        <source>the note&apos;s text is %1 characters long; at most %2</source>
        <translation>le texte de la note fait %1 caractères ; %2 au plus</translation>
    </message>
    <message>
        <source>the note&apos;s URL &apos;%1&apos; is not an http:// or https:// address</source>
        <translation>l&apos;URL de la note « %1 » n&apos;est pas une adresse http:// ou https://</translation>
    </message>
    <message>
        <source>the note&apos;s time must be after 1970</source>
        <translation>l&apos;heure de la note doit être après 1970</translation>
    </message>
    <message>
        <source>no note %1 (see `notes list`)</source>
        <translation>pas de note %1 (voir `notes list`)</translation>
    </message>
</context>
<context>
    <name>EventsText</name>
    <message>
        <source>notes add: unexpected argument &apos;%1&apos; (the text goes in --text)</source>
        <translation>notes add : argument inattendu « %1 » (le texte va dans --text)</translation>
    </message>
    <message>
        <source>notes add: --at TIME is required (like 2026-11-25 or 2026-11-25T14:30:00Z)</source>
        <translation>notes add : --at TIME est obligatoire (comme 2026-11-25 ou 2026-11-25T14:30:00Z)</translation>
    </message>
    <message>
        <source>notes add: --text TEXT is required</source>
        <translation>notes add : --text TEXT est obligatoire</translation>
    </message>
    <message>
        <source>notes add: --at must be a date like 2026-11-25 or a time like 2026-11-25T14:30:00Z, got &apos;%1&apos;</source>
        <translation>notes add : --at doit être une date comme 2026-11-25 ou une heure comme 2026-11-25T14:30:00Z, reçu « %1 »</translation>
    </message>
    <message>
        <source>notes add: %1</source>
        <translation>notes add : %1</translation>
    </message>
    <message>
        <source>added note %1 at %2</source>
        <translation>note %1 ajoutée à %2</translation>
    </message>
    <message>
        <source>notes list: expected [--json], got &apos;%1&apos;</source>
        <translation>notes list : attendu [--json], reçu « %1 »</translation>
    </message>
    <message>
        <source>notes list: %1</source>
        <translation>notes list : %1</translation>
    </message>
    <message>
        <source>no note yet: add one with `notes add --at TIME --text TEXT`</source>
        <translation>aucune note pour l&apos;instant : ajoutez-en une avec `notes add --at TIME --text TEXT`</translation>
    </message>
    <message>
        <source>notes remove: expected ID (see `notes list`)</source>
        <translation>notes remove : ID attendu (voir `notes list`)</translation>
    </message>
    <message>
        <source>notes remove: ID must be a note&apos;s number (see `notes list`), got &apos;%1&apos;</source>
        <translation>notes remove : l&apos;ID doit être un numéro de note (voir `notes list`), reçu « %1 »</translation>
    </message>
    <message>
        <source>notes remove: %1</source>
        <translation>notes remove : %1</translation>
    </message>
    <message>
        <source>removed note %1</source>
        <translation>note %1 supprimée</translation>
    </message>
    <message>
        <source>notes: missing subcommand (add, list or remove)</source>
        <translation>notes : sous-commande manquante (add, list ou remove)</translation>
    </message>
    <message>
        <source>notes: unknown subcommand &apos;%1&apos; (add, list or remove)</source>
        <translation>notes : sous-commande inconnue « %1 » (add, list ou remove)</translation>
    </message>
    <message>
        <source>events: missing subcommand (list)</source>
        <translation>events : sous-commande manquante (list)</translation>
    </message>
    <message>
        <source>events: unknown subcommand &apos;%1&apos; (list)</source>
        <translation>events : sous-commande inconnue « %1 » (list)</translation>
    </message>
    <message>
        <source>events list: unexpected argument &apos;%1&apos;</source>
        <translation>events list : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>events list: --%1 must be a date like 2026-11-25 or a time like 2026-11-25T14:30:00Z, got &apos;%2&apos;</source>
        <translation>events list : --%1 doit être une date comme 2026-11-25 ou une heure comme 2026-11-25T14:30:00Z, reçu « %2 »</translation>
    </message>
    <message>
        <source>events list: --from must be before --to</source>
        <translation>events list : --from doit précéder --to</translation>
    </message>
    <message>
        <source>events list: %1</source>
        <translation>events list : %1</translation>
    </message>
    <message>
        <source>no event in that range</source>
        <translation>aucun évènement dans cette période</translation>
    </message>
</context>
<context>
    <name>FieldsText</name>
    <message>
        <source>&apos;%1&apos; is not NAME=POINTER (for example stars=/stargazers_count)</source>
        <translation>« %1 » n&apos;est pas de la forme NOM=POINTEUR (par exemple stars=/stargazers_count)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a field name has letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; only</source>
        <translation>« %1 » : un nom de champ n&apos;a que des lettres, des chiffres, « _ », « - » et « . »</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1 at byte %2)</source>
        <translation>la réponse n&apos;est pas du JSON (%1 à l&apos;octet %2)</translation>
    </message>
    <message>
        <source>field %1: %2 matches nothing in the answer</source>
        <translation>champ %1 : %2 ne correspond à rien dans la réponse</translation>
    </message>
    <message>
        <source>field %1: %2 is not in the answer</source>
        <translation>champ %1 : %2 n&apos;est pas dans la réponse</translation>
    </message>
    <message>
        <source>field %1: %2 gives %3, not a number</source>
        <translation>champ %1 : %2 donne %3, pas un nombre</translation>
    </message>
</context>
<context>
    <name>FollowerText</name>
    <message>
        <source>line longer than 64 KiB</source>
        <translation>ligne de plus de 64 Kio</translation>
    </message>
</context>
<context>
    <name>FormatText</name>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>GeoipCommandText</name>
    <message>
        <source>geoip: give at least one IP address</source>
        <translation>geoip : indiquez au moins une adresse IP</translation>
    </message>
    <message>
        <source>geoip: &apos;%1&apos; is not an IP address</source>
        <translation>geoip : « %1 » n’est pas une adresse IP</translation>
    </message>
    <message>
        <source>geoip: --db: no such file: %1</source>
        <translation>geoip : --db : fichier introuvable : %1</translation>
    </message>
    <message>
        <source>geoip: no GeoIP database found</source>
        <translation>geoip : aucune base GeoIP trouvée</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>GitHubText</name>
    <message>
        <source>GET %1: not a list of repositories</source>
        <translation>GET %1 : ce n&apos;est pas une liste de dépôts</translation>
    </message>
    <message>
        <source>GET %1: unexpected answer</source>
        <translation>GET %1 : réponse inattendue</translation>
    </message>
    <message>
        <source>GET /repos/%1/releases: unexpected answer</source>
        <translation>GET /repos/%1/releases : réponse inattendue</translation>
    </message>
    <message>
        <source>GET /repos/%1/stargazers: unexpected answer</source>
        <translation>GET /repos/%1/stargazers : réponse inattendue</translation>
    </message>
    <message>
        <source>GET /repos/%1/tags: unexpected answer</source>
        <translation>GET /repos/%1/tags : réponse inattendue</translation>
    </message>
</context>
<context>
    <name>HttpJsonSpecText</name>
    <message>
        <source>the field name &apos;%1&apos; is given twice</source>
        <translation>le nom de champ « %1 » est donné deux fois</translation>
    </message>
    <message>
        <source>give at least one NAME=POINTER</source>
        <translation>donnez au moins un NOM=POINTEUR</translation>
    </message>
    <message>
        <source>JSON over HTTP</source>
        <translation>JSON sur HTTP</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>the http or https address to GET</source>
        <translation>l&apos;adresse http ou https à lire (GET)</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>NAME=POINTER, one per line (RFC 6901; &apos;*&apos; for every item of an array), e.g. stars=/stargazers_count</source>
        <translation>NOM=POINTEUR, un par ligne (RFC 6901 ; « * » pour chaque élément d&apos;un tableau), par exemple stars=/stargazers_count</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>pointer to each item&apos;s name when a field has &apos;*&apos;, e.g. /versions/*/num</source>
        <translation>pointeur vers le nom de chaque élément quand un champ a « * », par exemple /versions/*/num</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
    <message>
        <source>&apos;Name: value&apos;, one per line</source>
        <translation>« Nom: valeur », un par ligne</translation>
    </message>
    <message>
        <source>Token variable</source>
        <translation>Variable du jeton</translation>
    </message>
    <message>
        <source>environment variable holding a token, sent as a Bearer token to this URL&apos;s host only</source>
        <translation>variable d&apos;environnement contenant un jeton, envoyé comme jeton Bearer à l&apos;hôte de cette URL seulement</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>how often to poll, e.g. 15m</source>
        <translation>fréquence d&apos;interrogation, par ex. 15m</translation>
    </message>
    <message>
        <source>Headers from variables</source>
        <translation>En-têtes depuis des variables</translation>
    </message>
    <message>
        <source>&apos;Name=VARIABLE&apos;, one per line: the header&apos;s value is read from the environment</source>
        <translation>« Nom=VARIABLE », un par ligne : la valeur de l&apos;en-tête est lue dans l&apos;environnement</translation>
    </message>
</context>
<context>
    <name>HttpJsonText</name>
    <message>
        <source>&apos;%1&apos; is not a header line &apos;Name: value&apos;</source>
        <translation>« %1 » n&apos;est pas une ligne d&apos;en-tête « Nom: valeur »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not &apos;Header-Name=VARIABLE&apos;</source>
        <translation>« %1 » n&apos;est pas de la forme « Nom-En-tête=VARIABLE »</translation>
    </message>
    <message>
        <source>the environment variable %1 (--header-env %2) is not set</source>
        <translation>la variable d&apos;environnement %1 (--header-env %2) n&apos;est pas définie</translation>
    </message>
</context>
<context>
    <name>HttpText</name>
    <message>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>pas de réponse de %1 en %2 s</translation>
    </message>
    <message>
        <source>the answer from %1 is longer than %2 MiB: refused</source>
        <translation>la réponse de %1 dépasse %2 Mio : refusée</translation>
    </message>
</context>
<context>
    <name>ImportCommandText</name>
    <message>
        <source>%1 lines</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>import: give at least one FILE (&apos;-&apos; for standard input)</source>
        <translation>import : indiquez au moins un FICHIER (« - » pour l’entrée standard)</translation>
    </message>
    <message>
        <source>import: --site: empty name</source>
        <translation>import : --site : nom vide</translation>
    </message>
    <message>
        <source>lines %1, stored %2, rejected %3, seconds %4, lines/s %5</source>
        <translation>lignes %1, enregistrées %2, rejetées %3, secondes %4, lignes/s %5</translation>
    </message>
    <message>
        <source>up to line %1 of %2</source>
        <translation>jusqu&apos;à la ligne %1 de %2</translation>
    </message>
    <message>
        <source>%1: skipped %2 lines already imported (--force imports them again)</source>
        <translation>%1 : %2 lignes déjà importées passées (--force les importe de nouveau)</translation>
    </message>
    <message>
        <source>import stopped: %1
stored %2 lines and rejected %3 before the error (the input&apos;s first %4 lines, %5); the lines after them were not imported: importing the same files again stores only those</source>
        <translation>import arrêté : %1
%2 lignes enregistrées et %3 rejetées avant l&apos;erreur (les %4 premières lignes de l&apos;entrée, %5) ; les lignes suivantes n&apos;ont pas été importées : importer de nouveau les mêmes fichiers n&apos;enregistre qu&apos;elles</translation>
    </message>
    <message>
        <source>requests from %1 to %2 (UTC)</source>
        <translation>requêtes du %1 au %2 (UTC)</translation>
    </message>
    <message>
        <source>; %1 of them older than the retention are kept as hourly and daily totals (no raw rows): see them with report --from %2 --to %3</source>
        <translation> ; %1 d&apos;entre elles, plus anciennes que la durée de conservation, sont gardées en totaux horaires et journaliers (sans requêtes brutes) : voyez-les avec report --from %2 --to %3</translation>
    </message>
    <message>
        <source>import: some crawler checks are still running; those crawlers stay unverified until checked again</source>
        <translation>import : des vérifications de robots sont encore en cours ; ces robots restent non vérifiés jusqu&apos;à une nouvelle vérification</translation>
    </message>
</context>
<context>
    <name>IngestPipeline</name>
    <message>
        <source>cannot write to %1: %2</source>
        <translation>impossible d&apos;écrire dans %1 : %2</translation>
    </message>
</context>
<context>
    <name>LineFileText</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1 : ouverture impossible : %2</translation>
    </message>
    <message>
        <source>%1: read error: %2</source>
        <translation>%1 : erreur de lecture : %2</translation>
    </message>
</context>
<context>
    <name>ListenerText</name>
    <message>
        <source>datagram larger than 64 KiB</source>
        <translation>datagramme de plus de 64 Kio</translation>
    </message>
    <message>
        <source>message longer than 64 KiB</source>
        <translation>message de plus de 64 Kio</translation>
    </message>
    <message>
        <source>connection closed inside an octet-counted message</source>
        <translation>connexion fermée au milieu d&apos;un message à comptage d&apos;octets</translation>
    </message>
    <message>
        <source>cannot create a socket for %1: %2</source>
        <translation>impossible de créer une socket pour %1 : %2</translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation>impossible d&apos;écouter sur %1 : %2</translation>
    </message>
    <message>
        <source>empty syslog message</source>
        <translation>message syslog vide</translation>
    </message>
</context>
<context>
    <name>LogFormatText</name>
    <message>
        <source>log format: &apos;$&apos; without a variable name at position %1</source>
        <translation>format de journal : « $ » sans nom de variable à la position %1</translation>
    </message>
    <message>
        <source>log format: empty</source>
        <translation>format de journal : vide</translation>
    </message>
</context>
<context>
    <name>MaintenanceCommandText</name>
    <message>
        <source>%1: give exactly one FILE</source>
        <translation>%1 : indiquez exactement un FICHIER</translation>
    </message>
    <message>
        <source>stats: unexpected argument &apos;%1&apos;</source>
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
        <translation>restore : %1 n&apos;existe pas</translation>
    </message>
    <message>
        <source>restored %1 from %2</source>
        <translation>%1 restauré depuis %2</translation>
    </message>
    <message>
        <source>log sources:    received, stored, rejected, dropped, denied</source>
        <translation>sources de journaux : reçues, enregistrées, rejetées, perdues, refusées</translation>
    </message>
    <message>
        <source>requests counted: %1 (raw rows are kept for the retention, totals for ever)</source>
        <translation>requêtes comptées : %1 (les requêtes brutes sont gardées le temps de la conservation, les totaux pour toujours)</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) and rule(s) need their secrets on this machine (backups never hold them):</source>
        <translation>
            <numerusform>%n source ou règle a besoin de ses secrets sur cette machine (les sauvegardes ne les contiennent jamais) :</numerusform>
            <numerusform>%n sources et règles ont besoin de leurs secrets sur cette machine (les sauvegardes ne les contiennent jamais) :</numerusform>
        </translation>
    </message>
    <message>
        <source>backup: %1 exists already</source>
        <translation>backup : %1 existe déjà</translation>
    </message>
    <message>
        <source>restore: a team store is not replaced in place; copy the backup into an empty database with `store migrate --from sqlite:%1 --to URL`</source>
        <translation>restore : un stockage d&apos;équipe n&apos;est pas remplacé sur place ; copiez la sauvegarde dans une base vide avec `store migrate --from sqlite:%1 --to URL`</translation>
    </message>
    <message>
        <source>collectors:     name, version, host, last heartbeat, API sources polled</source>
        <translation>collecteurs :    nom, version, machine, dernier signe de vie, sources d&apos;API interrogées</translation>
    </message>
</context>
<context>
    <name>MaintenanceText</name>
    <message>
        <source>there is no database at %1 to back up</source>
        <translation>il n&apos;y a pas de base à %1 à sauvegarder</translation>
    </message>
    <message>
        <source>the backup file must not be the database itself</source>
        <translation>le fichier de sauvegarde ne doit pas être la base elle-même</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>backup to %1 failed: %2</source>
        <translation>la sauvegarde vers %1 a échoué : %2</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 n&apos;est pas un fichier</translation>
    </message>
    <message>
        <source>%1 is not an Activity Dashboard database; nothing was changed</source>
        <translation>%1 n&apos;est pas une base Activity Dashboard ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3); nothing was changed</source>
        <translation>%1 a la version de schéma %2, plus récente que celle connue par ce programme (%3) ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>%1 is damaged (%2); nothing was changed</source>
        <translation>%1 est endommagé (%2) ; rien n&apos;a été modifié</translation>
    </message>
    <message>
        <source>restore from %1 failed, the old database is unchanged: %2</source>
        <translation>la restauration depuis %1 a échoué, l&apos;ancienne base est inchangée : %2</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>%1 is a SQLite database of another program; refusing to change it</source>
        <translation>%1 est une base SQLite d&apos;un autre programme ; refus de la modifier</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3): upgrade Activity Dashboard to open it</source>
        <translation>%1 a la version de schéma %2, plus récente que celle connue par ce programme (%3) : mettez à jour Activity Dashboard pour l&apos;ouvrir</translation>
    </message>
</context>
<context>
    <name>MmdbText</name>
    <message>
        <source>cannot open GeoIP database %1: %2</source>
        <translation>impossible d’ouvrir la base GeoIP %1 : %2</translation>
    </message>
</context>
<context>
    <name>PgSchema</name>
    <message>
        <source>%1 has schema version %2, newer than this program knows (%3): upgrade Activity Dashboard to use it</source>
        <translation>%1 a la version de schéma %2, plus récente que celle que ce programme connaît (%3) : mettez Activity Dashboard à jour pour l&apos;utiliser</translation>
    </message>
    <message>
        <source>the schema is ready, but the roles could not be made: %1</source>
        <translation>le schéma est prêt, mais les rôles n&apos;ont pas pu être créés : %1</translation>
    </message>
    <message>
        <source>this program&apos;s PostgreSQL schema (%1) and SQLite schema (%2) differ</source>
        <translation>le schéma PostgreSQL (%1) et le schéma SQLite (%2) de ce programme diffèrent</translation>
    </message>
    <message>
        <source>%1 has schema version %2, older than any PostgreSQL store this program can upgrade (%3)</source>
        <translation>%1 a la version de schéma %2, plus ancienne que tout stockage PostgreSQL que ce programme sait mettre à jour (%3)</translation>
    </message>
</context>
<context>
    <name>PointerText</name>
    <message>
        <source>&apos;%1&apos; is not a JSON Pointer: it must be empty or start with &apos;/&apos;</source>
        <translation>« %1 » n&apos;est pas un pointeur JSON : il doit être vide ou commencer par « / »</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JSON Pointer: &apos;~&apos; must be followed by 0 or 1</source>
        <translation>« %1 » n&apos;est pas un pointeur JSON : « ~ » doit être suivi de 0 ou 1</translation>
    </message>
</context>
<context>
    <name>PresetText</name>
    <message>
        <source>&apos;%1&apos; is not %2</source>
        <translation>« %1 » n&apos;est pas %2</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>URL de l&apos;API</translation>
    </message>
    <message>
        <source>the API&apos;s base URL (a mirror, or a test server)</source>
        <translation>l&apos;URL de base de l&apos;API (un miroir, ou un serveur de test)</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>how often to poll, e.g. 6h</source>
        <translation>fréquence d&apos;interrogation, par exemple 6h</translation>
    </message>
    <message>
        <source>npm package</source>
        <translation>paquet npm</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paquet</translation>
    </message>
    <message>
        <source>an npm package name, e.g. react or @babel/core</source>
        <translation>un nom de paquet npm, par exemple react ou @babel/core</translation>
    </message>
    <message>
        <source>an npm package name</source>
        <translation>un nom de paquet npm</translation>
    </message>
    <message>
        <source>PyPI package</source>
        <translation>paquet PyPI</translation>
    </message>
    <message>
        <source>a PyPI project name, e.g. requests</source>
        <translation>un nom de projet PyPI, par exemple requests</translation>
    </message>
    <message>
        <source>a PyPI project name</source>
        <translation>un nom de projet PyPI</translation>
    </message>
    <message>
        <source>crates.io crate</source>
        <translation>crate crates.io</translation>
    </message>
    <message>
        <source>Crate</source>
        <translation>Crate</translation>
    </message>
    <message>
        <source>a crate name, e.g. serde</source>
        <translation>un nom de crate, par exemple serde</translation>
    </message>
    <message>
        <source>a crate name</source>
        <translation>un nom de crate</translation>
    </message>
    <message>
        <source>Homebrew formula</source>
        <translation>formule Homebrew</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Formule</translation>
    </message>
    <message>
        <source>a formula name, e.g. wget</source>
        <translation>un nom de formule, par exemple wget</translation>
    </message>
    <message>
        <source>a formula name</source>
        <translation>un nom de formule</translation>
    </message>
</context>
<context>
    <name>PreviewText</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>et %n de plus</numerusform>
            <numerusform>et %n de plus</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to store</source>
        <translation>rien à enregistrer</translation>
    </message>
    <message>
        <source>no series matches the selectors</source>
        <translation>aucune série ne correspond aux sélecteurs</translation>
    </message>
</context>
<context>
    <name>ProjectEvents</name>
    <message>
        <source>1 release</source>
        <translation>1 version</translation>
    </message>
    <message>
        <source>%1 releases</source>
        <translation>%1 versions</translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation>1 tag</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 tags</translation>
    </message>
    <message>
        <source>1 image tag</source>
        <translation>1 tag d&apos;image</translation>
    </message>
    <message>
        <source>%1 image tags</source>
        <translation>%1 tags d&apos;image</translation>
    </message>
    <message>
        <source>1 package version</source>
        <translation>1 version de paquet</translation>
    </message>
    <message>
        <source>%1 package versions</source>
        <translation>%1 versions de paquet</translation>
    </message>
    <message>
        <source>1 alert fired</source>
        <translation>1 alerte déclenchée</translation>
    </message>
    <message>
        <source>%1 alerts fired</source>
        <translation>%1 alertes déclenchées</translation>
    </message>
    <message>
        <source>1 alert resolved</source>
        <translation>1 alerte résolue</translation>
    </message>
    <message>
        <source>%1 alerts resolved</source>
        <translation>%1 alertes résolues</translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 note</translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation>%1 notes</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 évènement</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 évènements</translation>
    </message>
</context>
<context>
    <name>PromText</name>
    <message>
        <source>line %1: not a sample: %2</source>
        <translation>ligne %1 : pas un échantillon : %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a selector like name or name{label=&quot;value&quot;}</source>
        <translation>« %1 » n&apos;est pas un sélecteur comme nom ou nom{label=&quot;valeur&quot;}</translation>
    </message>
</context>
<context>
    <name>PrometheusSourceText</name>
    <message>
        <source>give at least one selector, e.g. node_load1</source>
        <translation>donnez au moins un sélecteur, par exemple node_load1</translation>
    </message>
    <message>
        <source>GET %1: the selectors choose %2 series (at most %3): narrow them</source>
        <translation>GET %1 : les sélecteurs choisissent %2 séries (au plus %3) : restreignez-les</translation>
    </message>
    <message>
        <source>GET %1: no series matches the selectors</source>
        <translation>GET %1 : aucune série ne correspond aux sélecteurs</translation>
    </message>
    <message>
        <source>Prometheus exporter</source>
        <translation>exportateur Prometheus</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>the exporter&apos;s metrics address, e.g. http://127.0.0.1:9100/metrics</source>
        <translation>l&apos;adresse des mesures de l&apos;exportateur, par exemple http://127.0.0.1:9100/metrics</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>selectors like node_load1 or node_cpu_seconds_total{mode=&quot;idle&quot;}</source>
        <translation>des sélecteurs comme node_load1 ou node_cpu_seconds_total{mode=&quot;idle&quot;}</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>how often to scrape, e.g. 1m</source>
        <translation>fréquence de collecte, par exemple 1m</translation>
    </message>
</context>
<context>
    <name>ReceiverText</name>
    <message>
        <source>source %1: %2</source>
        <translation>source %1 : %2</translation>
    </message>
    <message>
        <source>cannot listen on &apos;%1&apos;: not udp://ADDR:PORT or tcp://ADDR:PORT</source>
        <translation>impossible d&apos;écouter sur « %1 » : ce n&apos;est pas udp://ADRESSE:PORT ni tcp://ADRESSE:PORT</translation>
    </message>
    <message>
        <source>the allow-list &apos;%1&apos; is not a list of networks</source>
        <translation>la liste d&apos;autorisation « %1 » n&apos;est pas une liste de réseaux</translation>
    </message>
</context>
<context>
    <name>RemoteText</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>impossible de lancer %1 : %2</translation>
    </message>
    <message>
        <source>ssh %1: exit %2: %3</source>
        <translation>ssh %1 : sortie %2 : %3</translation>
    </message>
    <message>
        <source>not an ssh://USER@HOST[:PORT]/PATH address: %1</source>
        <translation>pas une adresse ssh://UTILISATEUR@HÔTE[:PORT]/CHEMIN : %1</translation>
    </message>
</context>
<context>
    <name>ReportPagesText</name>
    <message>
        <source>report: timed out rendering %1</source>
        <translation>report : délai dépassé pour le rendu de %1</translation>
    </message>
    <message>
        <source>report: cannot write %1</source>
        <translation>report : impossible d&apos;écrire %1</translation>
    </message>
    <message>
        <source>report: cannot write %1: %2</source>
        <translation>report : impossible d&apos;écrire %1 : %2</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>report: unexpected argument &apos;%1&apos;</source>
        <translation>report : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>report: --out DIR is required</source>
        <translation>report : --out DOSSIER est obligatoire</translation>
    </message>
    <message>
        <source>report: --size must be WIDTHxHEIGHT between 320x200 and 8000x8000, got &apos;%1&apos;</source>
        <translation>report : --size doit être LARGEURxHAUTEUR entre 320x200 et 8000x8000, reçu « %1 »</translation>
    </message>
    <message>
        <source>report: cannot create --out directory %1</source>
        <translation>report : impossible de créer le dossier --out %1</translation>
    </message>
    <message>
        <source>report written to %1</source>
        <translation>rapport écrit dans %1</translation>
    </message>
    <message>
        <source>%1: --to must be a date like 2026-11-25, got &apos;%2&apos;</source>
        <translation>%1 : --to doit être une date comme 2026-11-25, reçu « %2 »</translation>
    </message>
    <message>
        <source>%1: --from must be a date like 2026-11-01, got &apos;%2&apos;</source>
        <translation>%1 : --from doit être une date comme 2026-11-01, reçu « %2 »</translation>
    </message>
    <message>
        <source>%1: --from must be before --to</source>
        <translation>%1 : --from doit précéder --to</translation>
    </message>
    <message>
        <source>report: --agents must be humans, bots or all, got &apos;%1&apos;</source>
        <translation>report : --agents doit valoir humans, bots ou all, reçu « %1 »</translation>
    </message>
</context>
<context>
    <name>SecretFileText</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a token file of this program</source>
        <translation>%1 n&apos;est pas un fichier de jetons de ce programme</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>cannot make %1 private</source>
        <translation>impossible de rendre %1 privé</translation>
    </message>
    <message>
        <source>no token stored in %1</source>
        <translation>aucun jeton enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>SeriesCatalogue</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Requests answered 4xx or 5xx</source>
        <translation>Requêtes avec réponse 4xx ou 5xx</translation>
    </message>
    <message>
        <source>Requests answered 1xx</source>
        <translation>Requêtes avec réponse 1xx</translation>
    </message>
    <message>
        <source>Requests answered 2xx</source>
        <translation>Requêtes avec réponse 2xx</translation>
    </message>
    <message>
        <source>Requests answered 3xx</source>
        <translation>Requêtes avec réponse 3xx</translation>
    </message>
    <message>
        <source>Requests answered 4xx</source>
        <translation>Requêtes avec réponse 4xx</translation>
    </message>
    <message>
        <source>Requests answered 5xx</source>
        <translation>Requêtes avec réponse 5xx</translation>
    </message>
    <message>
        <source>Share of requests answered 4xx</source>
        <translation>Part des requêtes avec réponse 4xx</translation>
    </message>
    <message>
        <source>Share of requests answered 5xx</source>
        <translation>Part des requêtes avec réponse 5xx</translation>
    </message>
    <message>
        <source>Share of requests answered 4xx or 5xx</source>
        <translation>Part des requêtes avec réponse 4xx ou 5xx</translation>
    </message>
    <message>
        <source>Log lines received</source>
        <translation>Lignes de journal reçues</translation>
    </message>
    <message>
        <source>Log lines rejected</source>
        <translation>Lignes de journal rejetées</translation>
    </message>
    <message>
        <source>Log lines dropped</source>
        <translation>Lignes de journal perdues</translation>
    </message>
    <message>
        <source>no series %1: check the labels with `series list`</source>
        <translation>aucune série %1 : vérifiez les étiquettes avec `series list`</translation>
    </message>
    <message>
        <source>no series %1 (nothing named %2 is stored yet): `series list` shows those there are</source>
        <translation>aucune série %1 (rien de nommé %2 n&apos;est encore enregistré) : `series list` montre celles qui existent</translation>
    </message>
    <message>
        <source>%1 has no label &apos;%2&apos;</source>
        <translation>%1 n&apos;a pas d&apos;étiquette « %2 »</translation>
    </message>
    <message>
        <source>%1: the site label is empty</source>
        <translation>%1 : l&apos;étiquette site est vide</translation>
    </message>
    <message>
        <source>%1 (source %2)</source>
        <translation>%1 (source %2)</translation>
    </message>
    <message>
        <source>no series is named %1: `series list` shows those there are</source>
        <translation>aucune série ne s&apos;appelle %1 : `series list` montre celles qui existent</translation>
    </message>
    <message>
        <source>a series is read over a range that ends after it starts, in steps of a second or more</source>
        <translation>une série se lit sur une période qui finit après son début, par pas d&apos;une seconde ou plus</translation>
    </message>
    <message>
        <source>%1: traffic is kept per country, per path or per agents (people or bots), not two at once</source>
        <translation>%1 : le trafic est gardé par pays, par chemin ou par agents (personnes ou robots), pas deux à la fois</translation>
    </message>
    <message>
        <source>%1: agents must be &quot;humans&quot; or &quot;bots&quot;</source>
        <translation>%1 : agents doit valoir « humans » ou « bots »</translation>
    </message>
    <message>
        <source>Downloads completed</source>
        <translation>Téléchargements terminés</translation>
    </message>
    <message>
        <source>Downloads started</source>
        <translation>Téléchargements commencés</translation>
    </message>
    <message>
        <source>GitHub downloads of %1 (%2, %3)</source>
        <translation>Téléchargements GitHub de %1 (%2, %3)</translation>
    </message>
    <message>
        <source>no series %1: `series list` shows the assets whose downloads are stored</source>
        <translation>aucune série %1 : `series list` montre les fichiers dont les téléchargements sont enregistrés</translation>
    </message>
    <message>
        <source>%1: %2 is an asset of several releases (%3): name one with tag=&quot;...&quot;</source>
        <translation>%1 : %2 est un fichier de plusieurs versions (%3) : nommez-en une avec tag=&quot;...&quot;</translation>
    </message>
</context>
<context>
    <name>SeriesText</name>
    <message>
        <source>series list: unexpected argument &apos;%1&apos;</source>
        <translation>series list : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no series yet: add a source, or import a log</source>
        <translation>pas encore de série : ajoutez une source, ou importez un journal</translation>
    </message>
    <message>
        <source>series get: missing ID (see `series list`)</source>
        <translation>series get : ID manquant (voir `series list`)</translation>
    </message>
    <message>
        <source>series get: unexpected argument &apos;%1&apos;</source>
        <translation>series get : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>series get: --step must be a duration like 5m, 1h or 1d, got &apos;%1&apos;</source>
        <translation>series get : --step doit être une durée comme 5m, 1h ou 1d, reçu « %1 »</translation>
    </message>
    <message>
        <source>series get: --step %1 makes more than 100000 points over this range</source>
        <translation>series get : --step %1 donne plus de 100000 points sur cette période</translation>
    </message>
    <message>
        <source>series: missing subcommand (list or get)</source>
        <translation>series : sous-commande manquante (list ou get)</translation>
    </message>
    <message>
        <source>series: unknown subcommand &apos;%1&apos; (list or get)</source>
        <translation>series : sous-commande inconnue « %1 » (list ou get)</translation>
    </message>
</context>
<context>
    <name>SettingsCommandText</name>
    <message>
        <source>settings: unknown action &apos;%1&apos; (list, get, set, unset)</source>
        <translation>settings : action inconnue « %1 » (list, get, set, unset)</translation>
    </message>
    <message>
        <source>settings: usage: settings list | get KEY | set KEY VALUE | unset KEY</source>
        <translation>settings : usage : settings list | get CLÉ | set CLÉ VALEUR | unset CLÉ</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>the mail server&apos;s certificate is not trusted: %1</source>
        <translation>le certificat du serveur de messagerie n&apos;est pas reconnu : %1</translation>
    </message>
    <message>
        <source>cannot talk to %1:%2: %3</source>
        <translation>impossible de dialoguer avec %1:%2 : %3</translation>
    </message>
    <message>
        <source>the mail server %1 did not answer in time</source>
        <translation>le serveur de messagerie %1 n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the mail server refused %1: %2</source>
        <translation>le serveur de messagerie a refusé %1 : %2</translation>
    </message>
    <message>
        <source>the connection</source>
        <translation>la connexion</translation>
    </message>
    <message>
        <source>the mail server %1 does not offer STARTTLS: the password would travel in clear text</source>
        <translation>le serveur de messagerie %1 ne propose pas STARTTLS : le mot de passe circulerait en clair</translation>
    </message>
    <message>
        <source>the user name or password</source>
        <translation>le nom d&apos;utilisateur ou le mot de passe</translation>
    </message>
    <message>
        <source>the sender %1</source>
        <translation>l&apos;expéditeur %1</translation>
    </message>
    <message>
        <source>the address %1</source>
        <translation>l&apos;adresse %1</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>le message</translation>
    </message>
    <message>
        <source>no mail server set up (alerts email --host ... --from ...)</source>
        <translation>aucun serveur de messagerie configuré (alerts email --host ... --from ...)</translation>
    </message>
</context>
<context>
    <name>SourceService</name>
    <message>
        <source>there is nowhere to keep a token</source>
        <translation>il n&apos;y a aucun endroit où garder un jeton</translation>
    </message>
    <message>
        <source>source %1 does not exist</source>
        <translation>la source %1 n’existe pas</translation>
    </message>
    <message>
        <source>the new token is empty</source>
        <translation>le nouveau jeton est vide</translation>
    </message>
    <message>
        <source>no source with ID %1</source>
        <translation>aucune source avec l&apos;ID %1</translation>
    </message>
    <message>
        <source>The token of %1 could not be stored: %2</source>
        <translation>Le jeton de %1 n&apos;a pas pu être enregistré : %2</translation>
    </message>
    <message>
        <source>The token of %1 is stored in the desktop keyring.</source>
        <translation>Le jeton de %1 est enregistré dans le trousseau du bureau.</translation>
    </message>
    <message>
        <source>No desktop keyring answered: the token of %1 is stored in %2, readable only by you.</source>
        <translation>Aucun trousseau du bureau n&apos;a répondu : le jeton de %1 est enregistré dans %2, lisible par vous seul.</translation>
    </message>
    <message>
        <source>unknown source type &apos;%1&apos;</source>
        <translation>type de source inconnu « %1 »</translation>
    </message>
    <message>
        <source>--%1 shows %2 where a secret was, and that secret is not on this machine%3: type the whole value again</source>
        <translation>--%1 montre %2 à la place d&apos;un secret, et ce secret n&apos;est pas sur cette machine%3 : saisissez de nouveau la valeur entière</translation>
    </message>
    <message>
        <source>these settings hold a secret (%1), and there is nowhere to keep it</source>
        <translation>ces réglages contiennent un secret (%1), et il n&apos;y a aucun endroit où le garder</translation>
    </message>
    <message>
        <source>the secrets of these settings could not be stored: %1</source>
        <translation>les secrets de ces réglages n&apos;ont pas pu être enregistrés : %1</translation>
    </message>
</context>
<context>
    <name>SourceText</name>
    <message>
        <source>must be &apos;combined&apos; or an nginx log_format string</source>
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
        <translation>propriétaire/nom d&apos;un dépôt</translation>
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
        <translation>variable d&apos;environnement contenant un jeton d&apos;accès</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>URL de l&apos;API</translation>
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
        <translation>fréquence d&apos;interrogation, par ex. 15m</translation>
    </message>
    <message>
        <source>give exactly one of --repo OWNER/NAME and --org ORG</source>
        <translation>indiquez exactement l&apos;un de --repo PROPRIÉTAIRE/NOM et --org ORG</translation>
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
        <translation>un dépôt de l&apos;espace de noms (par défaut : tous)</translation>
    </message>
    <message>
        <source>Docker Hub API base URL</source>
        <translation>URL de base de l&apos;API Docker Hub</translation>
    </message>
    <message>
        <source>how often to poll, e.g. 1h</source>
        <translation>fréquence d&apos;interrogation, par ex. 1h</translation>
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
        <source>&apos;combined&apos; or an nginx log_format string</source>
        <translation>« combined » ou une chaîne log_format de nginx</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>site name when the syslog tag does not give one</source>
        <translation>nom du site quand l&apos;étiquette syslog n&apos;en donne pas</translation>
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
        <source>site name for these requests</source>
        <translation>nom du site pour ces requêtes</translation>
    </message>
    <message>
        <source>unknown source type &apos;%1&apos; (known: %2)</source>
        <translation>type de source inconnu « %1 » (connus : %2)</translation>
    </message>
    <message>
        <source>is not an option of %1 sources</source>
        <translation>n&apos;est pas une option des sources %1</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>must be &apos;keyring&apos; or &apos;file&apos; (where the token is kept), got &apos;%1&apos;</source>
        <translation>doit être « keyring » ou « file » (où le jeton est gardé), reçu « %1 »</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>a personal access token, kept in the desktop keyring or a private file</source>
        <translation>un jeton d&apos;accès personnel, gardé dans le trousseau du bureau ou un fichier privé</translation>
    </message>
    <message>
        <source>a stored token is set too: clear the variable name or forget the token</source>
        <translation>un jeton enregistré est aussi défini : videz le nom de variable ou oubliez le jeton</translation>
    </message>
    <message>
        <source>access log to follow, like tail -F; on a server: ssh://USER@HOST/var/log/nginx/access.log (your ssh keys and ~/.ssh/config, no password prompt)</source>
        <translation>journal d&apos;accès à suivre, comme tail -F ; sur un serveur : ssh://UTILISATEUR@HÔTE/var/log/nginx/access.log (vos clés ssh et ~/.ssh/config, sans demande de mot de passe)</translation>
    </message>
</context>
<context>
    <name>SourcesText</name>
    <message>
        <source>sources add: missing TYPE (one of: %1)</source>
        <translation>sources add : TYPE manquant (parmi : %1)</translation>
    </message>
    <message>
        <source>sources add: unknown source type &apos;%1&apos; (known: %2)</source>
        <translation>sources add : type de source inconnu « %1 » (connus : %2)</translation>
    </message>
    <message>
        <source>sources add %1: unexpected argument &apos;%2&apos;</source>
        <translation>sources add %1 : argument inattendu « %2 »</translation>
    </message>
    <message>
        <source>added source %1: %2 %3</source>
        <translation>source %1 ajoutée : %2 %3</translation>
    </message>
    <message>
        <source>sources list: unexpected argument &apos;%1&apos;</source>
        <translation>sources list : argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>no sources; add one with &apos;activity-dashboard sources add TYPE ...&apos;</source>
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
        <source>sources %1: give exactly one source ID (see &apos;sources list&apos;)</source>
        <translation>sources %1 : indiquez exactement un ID de source (voir « sources list »)</translation>
    </message>
    <message>
        <source>sources %1: ID must be a positive number, got &apos;%2&apos;</source>
        <translation>sources %1 : l&apos;ID doit être un nombre positif, reçu « %2 »</translation>
    </message>
    <message>
        <source>sources %1: no source with ID %2</source>
        <translation>sources %1 : aucune source avec l&apos;ID %2</translation>
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
        <source>sources edit: give a source ID first (see &apos;sources list&apos;), got &apos;%1&apos;</source>
        <translation>sources edit : indiquez d&apos;abord un ID de source (voir « sources list »), reçu « %1 »</translation>
    </message>
    <message>
        <source>sources edit: no source with ID %1</source>
        <translation>sources edit : aucune source avec l&apos;ID %1</translation>
    </message>
    <message>
        <source>sources edit: source %1 is of an unknown type &apos;%2&apos;</source>
        <translation>sources edit : la source %1 est d&apos;un type inconnu « %2 »</translation>
    </message>
    <message>
        <source>sources edit %1: unexpected argument &apos;%2&apos;</source>
        <translation>sources edit %1 : argument inattendu « %2 »</translation>
    </message>
    <message>
        <source>sources edit %1: give the options to change (%2)</source>
        <translation>sources edit %1 : indiquez les options à changer (%2)</translation>
    </message>
    <message>
        <source>changed source %1: %2 %3</source>
        <translation>source %1 modifiée : %2 %3</translation>
    </message>
    <message>
        <source>sources: missing subcommand (list, add, edit, remove, pause, resume)</source>
        <translation>sources : sous-commande manquante (list, add, edit, remove, pause, resume)</translation>
    </message>
    <message>
        <source>sources: unknown subcommand &apos;%1&apos; (list, add, edit, remove, pause, resume)</source>
        <translation>sources : sous-commande inconnue « %1 » (list, add, edit, remove, pause, resume)</translation>
    </message>
    <message>
        <source>sources add %1: --collector needs a name</source>
        <translation>sources add %1 : --collector demande un nom</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>store init: give the store&apos;s URL (postgresql://USER@HOST:PORT/DB)</source>
        <translation>store init : donnez l&apos;URL du stockage (postgresql://UTILISATEUR@HÔTE:PORT/BASE)</translation>
    </message>
    <message>
        <source>store init: &apos;%1&apos; is not a PostgreSQL URL (a SQLite file is made when first used)</source>
        <translation>store init : « %1 » n&apos;est pas une URL PostgreSQL (un fichier SQLite est créé à la première utilisation)</translation>
    </message>
    <message>
        <source>created the schema (version %1) in %2</source>
        <translation>schéma créé (version %1) dans %2</translation>
    </message>
    <message>
        <source>%2 has the schema already (version %1)</source>
        <translation>%2 a déjà le schéma (version %1)</translation>
    </message>
    <message>
        <source>roles %1 (writes) and %2 (reads only) are ready: GRANT one to each login</source>
        <translation>les rôles %1 (écriture) et %2 (lecture seule) sont prêts : accordez-en un (GRANT) à chaque identifiant</translation>
    </message>
    <message>
        <source>this user may not make roles; an administrator runs:</source>
        <translation>cet utilisateur ne peut pas créer de rôles ; un administrateur exécute :</translation>
    </message>
    <message>
        <source>store migrate: --%1 URL is needed</source>
        <translation>store migrate : --%1 URL est nécessaire</translation>
    </message>
    <message>
        <source>copying %1</source>
        <translation>copie de %1</translation>
    </message>
    <message>
        <source>copied %1 rows from %2 to %3; every table&apos;s rows counted the same on both</source>
        <translation>%1 lignes copiées de %2 vers %3 ; chaque table compte les mêmes lignes des deux côtés</translation>
    </message>
    <message>
        <source>store: give init or migrate</source>
        <translation>store : donnez init ou migrate</translation>
    </message>
    <message>
        <source>store: unknown subcommand &apos;%1&apos; (init or migrate)</source>
        <translation>store : sous-commande inconnue « %1 » (init ou migrate)</translation>
    </message>
</context>
<context>
    <name>StoreCopy</name>
    <message>
        <source>the two stores are the same</source>
        <translation>les deux stockages sont le même</translation>
    </message>
    <message>
        <source>%1 has more rows in table %2 (%3) than %4 (%5): it is not an empty store or an earlier copy of this one</source>
        <translation>%1 a plus de lignes dans la table %2 (%3) que %4 (%5) : ce n&apos;est ni un stockage vide ni une copie antérieure de celui-ci</translation>
    </message>
    <message>
        <source>table %1 has %2 rows in %3 but %4 in %5 after the copy</source>
        <translation>la table %1 a %2 lignes dans %3 mais %4 dans %5 après la copie</translation>
    </message>
</context>
<context>
    <name>StoreUrl</name>
    <message>
        <source>the store is empty: give sqlite:PATH or postgresql://USER@HOST:PORT/DB</source>
        <translation>le stockage est vide : donnez sqlite:CHEMIN ou postgresql://UTILISATEUR@HÔTE:PORT/BASE</translation>
    </message>
    <message>
        <source>unknown store &apos;%1&apos;: give sqlite:PATH or postgresql://USER@HOST:PORT/DB</source>
        <translation>stockage inconnu « %1 » : donnez sqlite:CHEMIN ou postgresql://UTILISATEUR@HÔTE:PORT/BASE</translation>
    </message>
    <message>
        <source>the store &apos;sqlite:&apos; names no file</source>
        <translation>le stockage « sqlite: » ne nomme aucun fichier</translation>
    </message>
</context>
<context>
    <name>TokenText</name>
    <message>
        <source>the token is empty</source>
        <translation>le jeton est vide</translation>
    </message>
    <message>
        <source>a token has no spaces, line breaks or accented letters</source>
        <translation>un jeton ne contient ni espace, ni saut de ligne, ni lettre accentuée</translation>
    </message>
    <message>
        <source>no desktop keyring</source>
        <translation>pas de trousseau du bureau</translation>
    </message>
    <message>
        <source>the desktop keyring did not answer</source>
        <translation>le trousseau du bureau n&apos;a pas répondu</translation>
    </message>
    <message>
        <source>the token is not in the desktop keyring any more</source>
        <translation>le jeton n&apos;est plus dans le trousseau du bureau</translation>
    </message>
</context>
<context>
    <name>TopoText</name>
    <message>
        <source>not a TopoJSON topology</source>
        <translation>pas une topologie TopoJSON</translation>
    </message>
    <message>
        <source>the topology has no object named %1</source>
        <translation>la topologie n’a pas d’objet nommé %1</translation>
    </message>
</context>
<context>
    <name>ValidatorText</name>
    <message>
        <source>must not be empty</source>
        <translation>ne doit pas être vide</translation>
    </message>
    <message>
        <source>must be a name of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, like &apos;octocat&apos;</source>
        <translation>doit être un nom fait de lettres, chiffres, « . », « _ » ou « - », comme « octocat »</translation>
    </message>
    <message>
        <source>must be owner/name, like &apos;torvalds/linux&apos;, got &apos;%1&apos;</source>
        <translation>doit être propriétaire/nom, comme « torvalds/linux », reçu « %1 »</translation>
    </message>
    <message>
        <source>must be a duration like 90s, 15m, 1h or 1h30m (at most a year), got &apos;%1&apos;</source>
        <translation>doit être une durée comme 90s, 15m, 1h ou 1h30m (un an au plus), reçu « %1 »</translation>
    </message>
    <message>
        <source>must be an http:// or https:// URL with a host, got &apos;%1&apos;</source>
        <translation>doit être une URL http:// ou https:// avec un hôte, reçu « %1 »</translation>
    </message>
    <message>
        <source>port must be a number from 1 to 65535, got &apos;%1&apos;</source>
        <translation>le port doit être un nombre de 1 à 65535, reçu « %1 »</translation>
    </message>
    <message>
        <source>must start with udp:// or tcp://, like udp://127.0.0.1:5514, got &apos;%1&apos;</source>
        <translation>doit commencer par udp:// ou tcp://, comme udp://127.0.0.1:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must end with :PORT, like udp://127.0.0.1:5514, got &apos;%1&apos;</source>
        <translation>doit finir par :PORT, comme udp://127.0.0.1:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must name an IP address and a port, like udp://127.0.0.1:5514 or tcp://[::1]:5514, got &apos;%1&apos;</source>
        <translation>doit indiquer une adresse IP et un port, comme udp://127.0.0.1:5514 ou tcp://[::1]:5514, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be a comma-separated list of networks like 127.0.0.0/8,::1/128, got &apos;%1&apos;</source>
        <translation>doit être une liste de réseaux séparés par des virgules comme 127.0.0.0/8,::1/128, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be an environment variable name like GITHUB_TOKEN, got &apos;%1&apos;</source>
        <translation>doit être un nom de variable d&apos;environnement comme GITHUB_TOKEN, reçu « %1 »</translation>
    </message>
    <message>
        <source>must be 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (like an nginx syslog tag), got &apos;%1&apos;</source>
        <translation>doit compter de 1 à 64 lettres, chiffres, « . », « _ » ou « - » (comme une étiquette syslog nginx), reçu « %1 »</translation>
    </message>
    <message>
        <source>must be ssh://USER@HOST[:PORT]/PATH (an absolute path on the server), got &apos;%1&apos;</source>
        <translation>doit être ssh://UTILISATEUR@HÔTE[:PORT]/CHEMIN (un chemin absolu sur le serveur), reçu « %1 »</translation>
    </message>
</context>
<context>
    <name>VerifierText</name>
    <message>
        <source>no check is known for &apos;%1&apos;</source>
        <translation>aucune vérification connue pour « %1 »</translation>
    </message>
    <message>
        <source>not in the published ranges</source>
        <translation>hors des plages publiées</translation>
    </message>
    <message>
        <source>no reverse DNS name</source>
        <translation>pas de nom en DNS inverse</translation>
    </message>
    <message>
        <source>reverse DNS name %1 is not the owner&apos;s</source>
        <translation>le nom en DNS inverse %1 n&apos;est pas celui du propriétaire</translation>
    </message>
    <message>
        <source>%1 does not point back to the address</source>
        <translation>%1 ne renvoie pas à l&apos;adresse</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>commande inconnue « %1 »</translation>
    </message>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
</context>
<context>
    <name>WindowText</name>
    <message>
        <source>--rotate: must be a number of seconds from 5 to 86400, got &apos;%1&apos;</source>
        <translation>--rotate : doit être un nombre de secondes de 5 à 86400, reçu « %1 »</translation>
    </message>
    <message>
        <source>--rotate and --pages need --kiosk</source>
        <translation>--rotate et --pages demandent --kiosk</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the demo database</source>
        <translation>impossible de créer un dossier temporaire pour la base de démonstration</translation>
    </message>
    <message>
        <source>Activity Dashboard (demo data)</source>
        <translation>Activity Dashboard (données de démonstration)</translation>
    </message>
    <message>
        <source>Filling the demo database...</source>
        <translation>Remplissage de la base de démonstration...</translation>
    </message>
    <message>
        <source>Filling the demo database: %1%</source>
        <translation>Remplissage de la base de démonstration : %1 %</translation>
    </message>
    <message>
        <source>Demo data ready</source>
        <translation>Données de démonstration prêtes</translation>
    </message>
    <message>
        <source>The demo database could not be filled: %1</source>
        <translation>La base de démonstration n&apos;a pas pu être remplie : %1</translation>
    </message>
    <message>
        <source>--pages: unknown page &apos;%1&apos; (known: overview, github, dockerhub, metrics, traffic, map, health, alerts)</source>
        <translation>--pages : page inconnue « %1 » (connues : overview, github, dockerhub, metrics, traffic, map, health, alerts)</translation>
    </message>
    <message>
        <source>--pages: unknown page &apos;%1&apos; (known: overview, github, dockerhub, metrics, traffic, map, health, alerts, or the name of a page of your own)</source>
        <translation>--pages : page inconnue « %1 » (connues : overview, github, dockerhub, metrics, traffic, map, health, alerts, ou le nom d&apos;une de vos pages)</translation>
    </message>
    <message>
        <source>this login sees the team&apos;s store but may not change it; sources, pages and rules are added with a collector&apos;s login (role activity_collector)</source>
        <translation>cet identifiant voit le stockage de l&apos;équipe mais ne peut pas le modifier ; les sources, pages et règles s&apos;ajoutent avec l&apos;identifiant d&apos;un collecteur (rôle activity_collector)</translation>
    </message>
    <message>
        <source>the store answers again</source>
        <translation>le stockage répond de nouveau</translation>
    </message>
    <message>
        <source>the store cannot be reached: %1</source>
        <translation>le stockage est injoignable : %1</translation>
    </message>
    <message>
        <source>demo data (a temporary file)</source>
        <translation>données de démonstration (un fichier temporaire)</translation>
    </message>
</context>
<context>
    <name>activity::AboutDialog</name>
    <message>
        <source>About Activity Dashboard</source>
        <translation>À propos d&apos;Activity Dashboard</translation>
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
        <translation>Suit les dépôts GitHub, les images Docker Hub et les journaux d&apos;accès nginx dans une seule fenêtre.

Sources de données et leurs licences :
- IP vers pays : IP Geolocation by DB-IP (https://db-ip.com), DB-IP IP to Country Lite, sous licence Creative Commons Attribution 4.0 International (CC BY 4.0).
- Contours des pays : Natural Earth (domaine public), via le paquet world-atlas (licence ISC).
- Noms des pays : iso-codes de Debian (LGPL 2.1 ou ultérieure).
- Les chiffres GitHub et Docker Hub viennent de leurs API publiques, selon leurs conditions d&apos;utilisation.

Bibliothèques : Qt 6 (LGPL 3), SQLite (domaine public), libmaxminddb (Apache 2.0), zlib (licence zlib).</translation>
    </message>
</context>
<context>
    <name>activity::AlertRuleDialog</name>
    <message>
        <source>New alert rule</source>
        <translation>Nouvelle règle d&apos;alerte</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>&amp;Surveiller :</translation>
    </message>
    <message>
        <source>goes above</source>
        <translation>dépasse</translation>
    </message>
    <message>
        <source>goes below</source>
        <translation>descend sous</translation>
    </message>
    <message>
        <source>changes over</source>
        <translation>change en</translation>
    </message>
    <message>
        <source>has no data for</source>
        <translation>n&apos;a pas de données depuis</translation>
    </message>
    <message>
        <source>&amp;When it:</source>
        <translation>&amp;Quand la valeur :</translation>
    </message>
    <message>
        <source>a percentage of the earlier value</source>
        <translation>un pourcentage de la valeur d&apos;avant</translation>
    </message>
    <message>
        <source>&amp;Over (change, no data):</source>
        <translation>&amp;Sur (variation, absence de données) :</translation>
    </message>
    <message>
        <source>Traffic figures are summed over this much time before each check</source>
        <translation>Les chiffres du trafic sont additionnés sur cette durée avant chaque vérification</translation>
    </message>
    <message>
        <source>&amp;Summed over:</source>
        <translation>&amp;Additionné sur :</translation>
    </message>
    <message>
        <source>The condition must hold this long before the alert fires (0: at once)</source>
        <translation>La condition doit durer autant avant que l&apos;alerte se déclenche (0 : tout de suite)</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Pendant :</translation>
    </message>
    <message>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>S&amp;everity:</source>
        <translation>&amp;Gravité :</translation>
    </message>
    <message>
        <source>optional: https://hooks.slack.com/services/...</source>
        <translation>facultatif : https://hooks.slack.com/services/...</translation>
    </message>
    <message>
        <source>from the URL</source>
        <translation>selon l&apos;URL</translation>
    </message>
    <message>
        <source>generic JSON</source>
        <translation>JSON générique</translation>
    </message>
    <message>
        <source>optional: the series and the condition</source>
        <translation>facultatif : la série et la condition</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Pick the figure to watch.</source>
        <translation>Choisissez le chiffre à surveiller.</translation>
    </message>
    <message>
        <source>Value: a number, got &apos;%1&apos;.</source>
        <translation>Valeur : un nombre, reçu « %1 ».</translation>
    </message>
    <message>
        <source>Over: a duration like 1h or 1d, got &apos;%1&apos;.</source>
        <translation>Sur : une durée comme 1h ou 1d, reçu « %1 ».</translation>
    </message>
    <message>
        <source>Summed over: a duration like 5m or 1h, got &apos;%1&apos;.</source>
        <translation>Additionné sur : une durée comme 5m ou 1h, reçu « %1 ».</translation>
    </message>
    <message>
        <source>For: 0 or a duration like 10m, got &apos;%1&apos;.</source>
        <translation>Pendant : 0 ou une durée comme 10m, reçu « %1 ».</translation>
    </message>
    <message>
        <source>Value (a change: negative for a fall):</source>
        <translation>Valeur (une variation : négative pour une baisse) :</translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation>Webhook :</translation>
    </message>
    <message>
        <source>optional: ops@example.org, lead@example.org (the mail server of `alerts email`)</source>
        <translation>facultatif : ops@example.org, lead@example.org (le serveur de messagerie de `alerts email`)</translation>
    </message>
    <message>
        <source>E&amp;mail to:</source>
        <translation>Courriel &amp;à :</translation>
    </message>
    <message>
        <source>Email to: %1.</source>
        <translation>Courriel à : %1.</translation>
    </message>
    <message>
        <source>leaves its usual band (low sensitivity)</source>
        <translation>sort de sa plage habituelle (sensibilité basse)</translation>
    </message>
    <message>
        <source>leaves its usual band (medium sensitivity)</source>
        <translation>sort de sa plage habituelle (sensibilité moyenne)</translation>
    </message>
    <message>
        <source>leaves its usual band (high sensitivity)</source>
        <translation>sort de sa plage habituelle (sensibilité haute)</translation>
    </message>
</context>
<context>
    <name>activity::AlertsPage</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Règles d&apos;alerte</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>History over the range</source>
        <translation>Historique sur la période</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Historique des alertes</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>en attente : %1</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>active</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente de déclenchement</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation>pas encore évaluée</translation>
    </message>
    <message>
        <source>1 rule watched</source>
        <translation>1 règle surveillée</translation>
    </message>
    <message>
        <source>%1 rules watched</source>
        <translation>%1 règles surveillées</translation>
    </message>
    <message>
        <source>1 alert firing</source>
        <translation>1 alerte active</translation>
    </message>
    <message>
        <source>%1 alerts firing</source>
        <translation>%1 alertes actives</translation>
    </message>
    <message>
        <source>No alert firing</source>
        <translation>Aucune alerte active</translation>
    </message>
    <message>
        <source>No alert rule yet</source>
        <translation>Pas encore de règle d&apos;alerte</translation>
    </message>
    <message>
        <source>Add rule...</source>
        <translation>Ajouter une règle...</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <source>rules cannot be changed here</source>
        <translation>les règles ne peuvent pas être modifiées ici</translation>
    </message>
    <message>
        <source>%1: the rule waits for it</source>
        <translation>%1 : la règle l&apos;attend</translation>
    </message>
    <message>
        <source>A rule watches any figure the program stores and tells you when it crosses a line, changes or stops: on the desktop, and by a webhook (Slack, Matrix or your own).</source>
        <translation>Une règle surveille n&apos;importe quel chiffre enregistré et vous prévient quand il franchit un seuil, change ou s&apos;arrête : sur le bureau, et par un webhook (Slack, Matrix ou le vôtre).</translation>
    </message>
    <message>
        <source>Add one with the Add rule button above.</source>
        <translation>Ajoutez-en une avec le bouton Ajouter une règle ci-dessus.</translation>
    </message>
    <message>
        <source>Add one from a terminal, for example: activity-dashboard alerts add --series traffic.share.5xx --above 5 --for 10m</source>
        <translation>Ajoutez-en une depuis un terminal, par exemple : activity-dashboard alerts add --series traffic.share.5xx --above 5 --for 10m</translation>
    </message>
</context>
<context>
    <name>activity::ApiPage</name>
    <message>
        <source>Metric:</source>
        <translation>Mesure :</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vue :</translation>
    </message>
    <message>
        <source>Per repository</source>
        <translation>Par dépôt</translation>
    </message>
    <message>
        <source>Stacked (sum of repositories)</source>
        <translation>Empilé (somme des dépôts)</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Dépôts</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>Stars</source>
        <translation>Étoiles</translation>
    </message>
    <message>
        <source>Forks</source>
        <translation>Forks</translation>
    </message>
    <message>
        <source>Watchers</source>
        <translation>Observateurs</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Tickets ouverts</translation>
    </message>
    <message>
        <source>Open pull requests</source>
        <translation>Pull requests ouvertes</translation>
    </message>
    <message>
        <source>Release downloads</source>
        <translation>Téléchargements des versions</translation>
    </message>
    <message>
        <source>Contributors</source>
        <translation>Contributeurs</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Unique visitors</source>
        <translation>Visiteurs uniques</translation>
    </message>
    <message>
        <source>Clones</source>
        <translation>Clones</translation>
    </message>
    <message>
        <source>Unique cloners</source>
        <translation>Cloneurs uniques</translation>
    </message>
    <message>
        <source>Pulls</source>
        <translation>Pulls</translation>
    </message>
    <message>
        <source>No GitHub repository is watched yet</source>
        <translation>Aucun dépôt GitHub n&apos;est encore suivi</translation>
    </message>
    <message>
        <source>No Docker Hub image is watched yet</source>
        <translation>Aucune image Docker Hub n&apos;est encore suivie</translation>
    </message>
    <message>
        <source>Add a repository or an organisation: stars, forks, issues, pull requests, releases and traffic appear here after the first poll.</source>
        <translation>Ajoutez un dépôt ou une organisation : étoiles, forks, tickets, pull requests, versions et trafic apparaissent ici après la première interrogation.</translation>
    </message>
    <message>
        <source>Add an image or a namespace: pulls and stars appear here after the first poll.</source>
        <translation>Ajoutez une image ou un espace de noms : téléchargements et étoiles apparaissent ici après la première interrogation.</translation>
    </message>
    <message>
        <source>Add a GitHub source</source>
        <translation>Ajouter une source GitHub</translation>
    </message>
    <message>
        <source>Add a Docker Hub source</source>
        <translation>Ajouter une source Docker Hub</translation>
    </message>
    <message>
        <source>Waiting for the first poll</source>
        <translation>En attente de la première interrogation</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) of this kind are set up; figures appear after the first successful poll. The Sources page shows when the next one runs and any error.</source>
        <translation>
            <numerusform>%n source de ce type est configurée ; les chiffres apparaissent après la première interrogation réussie. La page Sources indique quand aura lieu la prochaine et toute erreur.</numerusform>
            <numerusform>%n sources de ce type sont configurées ; les chiffres apparaissent après la première interrogation réussie. La page Sources indique quand aura lieu la prochaine et toute erreur.</numerusform>
        </translation>
    </message>
    <message>
        <source>No %1 figures yet</source>
        <translation>Pas encore de chiffres pour %1</translation>
    </message>
    <message>
        <source>The repositories watched have not reported this figure. GitHub gives traffic (views, clones) only to a token with push access.</source>
        <translation>Les dépôts suivis n&apos;ont pas encore donné ce chiffre. GitHub ne donne le trafic (vues, clones) qu&apos;à un jeton ayant le droit d&apos;écriture.</translation>
    </message>
    <message>
        <source>The images watched have not reported this figure.</source>
        <translation>Les images suivies n&apos;ont pas encore donné ce chiffre.</translation>
    </message>
    <message>
        <source>Shown: top %1 of %2</source>
        <translation>Affichés : les %1 premiers sur %2</translation>
    </message>
    <message>
        <source>Shown: all %1</source>
        <translation>Affichés : tous (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n picked</source>
        <translation>
            <numerusform>Affiché : %n choisi</numerusform>
            <numerusform>Affichés : %n choisis</numerusform>
        </translation>
    </message>
    <message>
        <source>The top %1</source>
        <translation>Les %1 premiers</translation>
    </message>
    <message numerus="yes">
        <source>Others (%n)</source>
        <translation>
            <numerusform>Autres (%n)</numerusform>
            <numerusform>Autres (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 par jour</translation>
    </message>
    <message>
        <source>%1: change per day</source>
        <translation>%1 : évolution par jour</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 depuis le %2</translation>
    </message>
    <message>
        <source>known after the next poll</source>
        <translation>connue après le prochain relevé</translation>
    </message>
    <message>
        <source>No change per day yet: it shows once polls span two days.</source>
        <translation>Pas encore d’évolution par jour : elle apparaît dès que les relevés couvrent deux jours.</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>activity::BotsPage</name>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Search crawler</source>
        <translation>Robot de moteur de recherche</translation>
    </message>
    <message>
        <source>AI crawler</source>
        <translation>Robot d’IA</translation>
    </message>
    <message>
        <source>SEO tool</source>
        <translation>Outil SEO</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Surveillance</translation>
    </message>
    <message>
        <source>Feed reader</source>
        <translation>Lecteur de flux</translation>
    </message>
    <message>
        <source>Library or tool</source>
        <translation>Bibliothèque ou outil</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Other bot</source>
        <translation>Autre robot</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>spoofed</source>
        <translation>usurpé</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>Bot requests per class</source>
        <translation>Requêtes des robots par classe</translation>
    </message>
    <message>
        <source>Bandwidth to bots per class</source>
        <translation>Bande passante des robots par classe</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Named agents</source>
        <translation>Agents nommés</translation>
    </message>
    <message>
        <source>Bots by agent</source>
        <translation>Robots par agent</translation>
    </message>
    <message>
        <source>Click an agent to narrow the Traffic page to it</source>
        <translation>Cliquez sur un agent pour restreindre la page Trafic à celui-ci</translation>
    </message>
    <message>
        <source>Who fetched robots.txt</source>
        <translation>Qui a lu robots.txt</translation>
    </message>
    <message>
        <source>Requests for robots.txt by agent</source>
        <translation>Requêtes de robots.txt par agent</translation>
    </message>
    <message>
        <source>This bot has no name to narrow to.</source>
        <translation>Ce robot n’a pas de nom auquel restreindre la vue.</translation>
    </message>
    <message>
        <source>No stored request of %1 in this range: requests are kept for the retention period (retention.days), figures longer.</source>
        <translation>Aucune requête de %1 conservée sur cette période : les requêtes sont gardées pendant la durée de rétention (retention.days), les chiffres plus longtemps.</translation>
    </message>
    <message>
        <source>Bots made %1 of %2 requests (%3) and took %4 of %5 sent (%6).</source>
        <translation>Les robots ont fait %1 des %2 requêtes (%3) et pris %4 des %5 envoyés (%6).</translation>
    </message>
    <message>
        <source>Crawlers that can be checked: %1 requests verified, %2 spoofed (counted as other bots), %3 not checked yet.</source>
        <translation>Robots vérifiables : %1 requêtes vérifiées, %2 usurpées (comptées comme autres robots), %3 pas encore vérifiées.</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>AI crawlers: none in this range.</source>
        <translation>Robots d’IA : aucun sur cette période.</translation>
    </message>
    <message>
        <source>AI crawlers took %1 requests (%2 of bot requests) and %3: %4.</source>
        <translation>Les robots d’IA ont pris %1 requêtes (%2 des requêtes de robots) et %3 : %4.</translation>
    </message>
    <message>
        <source>No bot request in this range.</source>
        <translation>Aucune requête de robot sur cette période.</translation>
    </message>
    <message>
        <source>Click an agent to narrow the Traffic page to the user agent it used most.</source>
        <translation>Cliquez sur un agent pour restreindre la page Trafic au user agent qu’il a le plus utilisé.</translation>
    </message>
    <message>
        <source>(browsers)</source>
        <translation>(navigateurs)</translation>
    </message>
    <message>
        <source>No bot traffic in this range</source>
        <translation>Aucun trafic de robots sur cette période</translation>
    </message>
    <message>
        <source>All %1 requests of this range came from people. Crawlers, AI crawlers, monitors, libraries and other bots appear here when the access logs have their requests.</source>
        <translation>Les %1 requêtes de cette période viennent toutes de personnes. Robots d’indexation, robots d’IA, surveillances, bibliothèques et autres robots apparaissent ici quand les journaux d’accès ont leurs requêtes.</translation>
    </message>
    <message>
        <source>No request in this range.</source>
        <translation>Aucune requête sur cette période.</translation>
    </message>
    <message>
        <source>No bot request in this range: all %1 requests came from people.</source>
        <translation>Aucune requête de robot sur cette période : les %1 requêtes viennent toutes de personnes.</translation>
    </message>
    <message>
        <source>% of bots</source>
        <translation>% des robots</translation>
    </message>
    <message>
        <source>Every country: bots are not counted per country.</source>
        <translation>Tous pays : les robots ne sont pas comptés par pays.</translation>
    </message>
    <message>
        <source>Counted from the stored requests, which are kept for the retention period (retention.days)</source>
        <translation>Compté sur les requêtes conservées, gardées pendant la durée de rétention (retention.days)</translation>
    </message>
</context>
<context>
    <name>activity::ChartView</name>
    <message>
        <source>Save chart</source>
        <translation>Enregistrer le graphique</translation>
    </message>
    <message>
        <source>Save as PNG (1x)...</source>
        <translation>Enregistrer en PNG (1x)...</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Save as PNG (2x)...</source>
        <translation>Enregistrer en PNG (2x)...</translation>
    </message>
    <message>
        <source>Save data as CSV...</source>
        <translation>Enregistrer les données en CSV...</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>No data in this range.</source>
        <translation>Aucune donnée sur cette période.</translation>
    </message>
    <message numerus="yes">
        <source>%n series: %1. Values from %2 to %3.</source>
        <translation>
            <numerusform>%n série : %1. Valeurs de %2 à %3.</numerusform>
            <numerusform>%n séries : %1. Valeurs de %2 à %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each bar adds up %n days</source>
        <translation>
            <numerusform>chaque barre cumule %n jours</numerusform>
            <numerusform>chaque barre cumule %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>each bar adds up %n bars</source>
        <translation>
            <numerusform>chaque barre cumule %n barres</numerusform>
            <numerusform>chaque barre cumule %n barres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <source>so far: this period is not over or not all in the range</source>
        <translation>jusqu’ici : cette période n’est pas finie ou pas entièrement dans la plage</translation>
    </message>
    <message>
        <source>Add a note at %1...</source>
        <translation>Ajouter une note à %1...</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Marked: %1.</source>
        <translation>Marqués : %1.</translation>
    </message>
    <message>
        <source>%1 before</source>
        <translation>%1 avant</translation>
    </message>
</context>
<context>
    <name>activity::CountriesPage</name>
    <message>
        <source>Top countries by requests</source>
        <translation>Principaux pays par requêtes</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bande passante</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Click a country, in the table or the chart, to narrow the traffic pages to it.</source>
        <translation>Cliquez sur un pays, dans le tableau ou le graphique, pour restreindre les pages de trafic à ce pays.</translation>
    </message>
</context>
<context>
    <name>activity::CustomPage</name>
    <message>
        <source>Requests by country</source>
        <translation>Requêtes par pays</translation>
    </message>
    <message>
        <source>Add panel...</source>
        <translation>Ajouter un panneau...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Renommer...</translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation>Supprimer la page</translation>
    </message>
    <message>
        <source>This page has no panel yet</source>
        <translation>Cette page n&apos;a pas encore de panneau</translation>
    </message>
    <message>
        <source>Add a panel: pick the figures it draws (stars, downloads, requests, errors...) and how.</source>
        <translation>Ajoutez un panneau : choisissez les chiffres qu&apos;il trace (étoiles, téléchargements, requêtes, erreurs...) et comment.</translation>
    </message>
    <message>
        <source>Its panels are added in the window.</source>
        <translation>Ses panneaux s&apos;ajoutent dans la fenêtre.</translation>
    </message>
    <message>
        <source>Drag onto another panel to swap places</source>
        <translation>Faites glisser sur un autre panneau pour échanger leurs places</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Déplacer avant</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Déplacer après</translation>
    </message>
    <message>
        <source>Wider (cycles 1 to 4 columns)</source>
        <translation>Plus large (de 1 à 4 colonnes, en boucle)</translation>
    </message>
    <message>
        <source>Taller (cycles 1 to 3 rows)</source>
        <translation>Plus haut (de 1 à 3 lignes, en boucle)</translation>
    </message>
    <message>
        <source>Edit panel</source>
        <translation>Modifier le panneau</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>Supprimer le panneau</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Over the range</source>
        <translation>Sur la période</translation>
    </message>
    <message>
        <source>Last bucket</source>
        <translation>Dernier intervalle</translation>
    </message>
    <message>
        <source>over the range</source>
        <translation>sur la période</translation>
    </message>
    <message>
        <source>of the range</source>
        <translation>de la période</translation>
    </message>
    <message>
        <source>latest value</source>
        <translation>dernière valeur</translation>
    </message>
    <message>
        <source>Rename page</source>
        <translation>Renommer la page</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Delete the page &quot;%1&quot;? Its figures stay stored.</source>
        <translation>Supprimer la page « %1 » ? Ses chiffres restent enregistrés.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>activity::DashboardPage</name>
    <message>
        <source>Page error</source>
        <translation>Erreur de la page</translation>
    </message>
    <message>
        <source>This page could not be read from the database: %1</source>
        <translation>Cette page n’a pas pu être lue dans la base de données : %1</translation>
    </message>
    <message>
        <source>No web server logs yet</source>
        <translation>Pas encore de journaux de serveur web</translation>
    </message>
    <message>
        <source>Receive nginx&apos;s access log over syslog, follow a log file (on this machine or on a server over ssh), or import one with: activity-dashboard import FILE</source>
        <translation>Recevez le journal d&apos;accès de nginx par syslog, suivez un fichier journal (sur cette machine ou sur un serveur par ssh), ou importez-en un avec : activity-dashboard import FICHIER</translation>
    </message>
    <message>
        <source>Add a log source</source>
        <translation>Ajouter une source de journaux</translation>
    </message>
    <message>
        <source>Waiting for the first request</source>
        <translation>En attente de la première requête</translation>
    </message>
    <message numerus="yes">
        <source>%n log source(s) set up; requests appear here as they are stored. Health shows what each source received and rejected.</source>
        <translation>
            <numerusform>%n source de journaux configurée ; les requêtes apparaissent ici dès leur enregistrement. La page État montre ce que chaque source a reçu et rejeté.</numerusform>
            <numerusform>%n sources de journaux configurées ; les requêtes apparaissent ici dès leur enregistrement. La page État montre ce que chaque source a reçu et rejeté.</numerusform>
        </translation>
    </message>
    <message>
        <source>No requests in this range</source>
        <translation>Aucune requête sur cette période</translation>
    </message>
    <message>
        <source>Pick a longer range, or another site or country.</source>
        <translation>Choisissez une période plus longue, ou un autre site ou pays.</translation>
    </message>
</context>
<context>
    <name>activity::DownloadsPage</name>
    <message>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Commencés</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Per release and day</source>
        <translation>Par version et par jour</translation>
    </message>
    <message>
        <source>Downloads per release and day</source>
        <translation>Téléchargements par version et par jour</translation>
    </message>
    <message>
        <source>Per country</source>
        <translation>Par pays</translation>
    </message>
    <message>
        <source>Downloads per country</source>
        <translation>Téléchargements par pays</translation>
    </message>
    <message>
        <source>Per file</source>
        <translation>Par fichier</translation>
    </message>
    <message>
        <source>Downloads per file</source>
        <translation>Téléchargements par fichier</translation>
    </message>
    <message>
        <source>Bots&apos; downloads</source>
        <translation>Téléchargements des robots</translation>
    </message>
    <message>
        <source>People&apos;s downloads</source>
        <translation>Téléchargements des personnes</translation>
    </message>
    <message>
        <source>%1 in the range: %2 completed of %3 started, %4 sent. A download is a whole file, or a client&apos;s ranges of it within the window that cover it.</source>
        <translation>%1 sur la période : %2 terminés sur %3 commencés, %4 envoyés. Un téléchargement est un fichier entier, ou les plages d&apos;un client qui le couvrent dans la fenêtre de temps.</translation>
    </message>
    <message>
        <source>No download in this range</source>
        <translation>Aucun téléchargement sur cette période</translation>
    </message>
    <message>
        <source>GitHub assets</source>
        <translation>Fichiers GitHub</translation>
    </message>
    <message>
        <source>Site completed</source>
        <translation>Complets (site)</translation>
    </message>
    <message>
        <source>Per release: site and GitHub</source>
        <translation>Par version : site et GitHub</translation>
    </message>
    <message>
        <source>Downloads per release from the site and from GitHub</source>
        <translation>Téléchargements par version depuis le site et depuis GitHub</translation>
    </message>
    <message>
        <source>Requests for files matching the setting downloads.patterns (.tar.gz, .zip, .deb, .AppImage, .iso ...) in the access logs appear here, per release, file and country; a GitHub source&apos;s release-asset downloads, per release and day.</source>
        <translation>Les requêtes de fichiers qui correspondent au réglage downloads.patterns (.tar.gz, .zip, .deb, .AppImage, .iso ...) dans les journaux d&apos;accès apparaissent ici, par version, fichier et pays ; les téléchargements des fichiers de versions d&apos;une source GitHub, par version et par jour.</translation>
    </message>
    <message>
        <source>GitHub counted %1 downloads of release assets (anyone&apos;s: GitHub does not say whose).</source>
        <translation>GitHub a compté %1 téléchargements de fichiers de versions (de tous : GitHub ne dit pas de qui).</translation>
    </message>
</context>
<context>
    <name>activity::FirstRunWizard</name>
    <message>
        <source>Set up Activity Dashboard</source>
        <translation>Configurer Activity Dashboard</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Activity Dashboard watches your project&apos;s GitHub repositories, Docker Hub images and nginx access logs. Nothing is collected yet.</source>
        <translation>Activity Dashboard suit les dépôts GitHub, les images Docker Hub et les journaux d&apos;accès nginx de votre projet. Rien n&apos;est encore collecté.</translation>
    </message>
    <message>
        <source>Set up my sources now (a minute; everything can be changed later on the Sources page)</source>
        <translation>Configurer mes sources maintenant (une minute ; tout peut être changé ensuite dans la page Sources)</translation>
    </message>
    <message>
        <source>Try with demo data first (90 days of sample figures; nothing is saved)</source>
        <translation>Essayer d&apos;abord avec des données de démonstration (90 jours de chiffres d&apos;exemple ; rien n&apos;est enregistré)</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Stars, forks, issues, downloads and traffic. Leave empty to skip.</source>
        <translation>Étoiles, forks, tickets, téléchargements et trafic. Laissez vide pour passer.</translation>
    </message>
    <message>
        <source>owner/name, several separated by commas</source>
        <translation>propriétaire/nom, plusieurs séparés par des virgules</translation>
    </message>
    <message>
        <source>every repository of this organisation or user</source>
        <translation>tous les dépôts de cette organisation ou de cet utilisateur</translation>
    </message>
    <message>
        <source>optional: a personal access token (ghp_… or github_pat_…)</source>
        <translation>facultatif : un jeton d&apos;accès personnel (ghp_… ou github_pat_…)</translation>
    </message>
    <message>
        <source>Repositories</source>
        <translation>Dépôts</translation>
    </message>
    <message>
        <source>or organisation</source>
        <translation>ou organisation</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Without a token GitHub allows 60 requests an hour and hides traffic figures. The token is kept in the desktop keyring when one answers, else in %1, readable only by you.</source>
        <translation>Sans jeton, GitHub n&apos;accepte que 60 requêtes par heure et cache les chiffres de trafic. Le jeton est gardé dans le trousseau du bureau s&apos;il répond, sinon dans %1, lisible par vous seul.</translation>
    </message>
    <message>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
    <message>
        <source>Pulls and stars of every image of a namespace. Leave empty to skip.</source>
        <translation>Téléchargements et étoiles de chaque image d&apos;un espace de noms. Laissez vide pour passer.</translation>
    </message>
    <message>
        <source>Docker Hub user or organisation</source>
        <translation>utilisateur ou organisation Docker Hub</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>nginx access logs</source>
        <translation>Journaux d&apos;accès nginx</translation>
    </message>
    <message>
        <source>nginx sends each request to Activity Dashboard over syslog; nothing else to install.</source>
        <translation>nginx envoie chaque requête à Activity Dashboard par syslog ; rien d&apos;autre à installer.</translation>
    </message>
    <message>
        <source>Receive nginx logs on %1</source>
        <translation>Recevoir les journaux nginx sur %1</translation>
    </message>
    <message>
        <source>mysite</source>
        <translation>mysite</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Nom du site</translation>
    </message>
    <message>
        <source>Paste this line into the server block of nginx, then reload nginx:</source>
        <translation>Collez cette ligne dans le bloc server de nginx, puis rechargez nginx :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>nginx on a server? Follow its log over SSH (your ssh keys, no password prompt); it catches up after this computer was offline:</source>
        <translation>nginx sur un serveur ? Suivez son journal par SSH (vos clés ssh, sans demande de mot de passe) ; il rattrape le retard quand cet ordinateur était hors ligne :</translation>
    </message>
    <message>
        <source>ssh://you@server.example.org/var/log/nginx/access.log</source>
        <translation>ssh://vous@serveur.example.org/var/log/nginx/access.log</translation>
    </message>
    <message>
        <source>Log on a server</source>
        <translation>Journal sur un serveur</translation>
    </message>
</context>
<context>
    <name>activity::HealthPage</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (il y a %2)</translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1 (dans %2)</translation>
    </message>
    <message>
        <source>Log source</source>
        <translation>Source de journaux</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçues</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Enregistrées</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <source>Denied senders</source>
        <translation>Expéditeurs refusés</translation>
    </message>
    <message>
        <source>Last line stored</source>
        <translation>Dernière ligne enregistrée</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>API source</source>
        <translation>Source d&apos;API</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Dernier succès</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Rate limit left</source>
        <translation>Quota restant</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Write error</source>
        <translation>Erreur d&apos;écriture</translation>
    </message>
    <message>
        <source>Log receivers</source>
        <translation>Réception des journaux</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <source>API sources</source>
        <translation>Sources d&apos;API</translation>
    </message>
    <message>
        <source>Last rejected lines</source>
        <translation>Dernières lignes rejetées</translation>
    </message>
    <message>
        <source>Data is not being saved: %1</source>
        <translation>Les données ne sont pas enregistrées : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de données : %1</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Program log</source>
        <translation>Journal du programme</translation>
    </message>
    <message>
        <source>Program log: the last warnings and errors</source>
        <translation>Journal du programme : les derniers avertissements et erreurs</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Program log: no warning or error since the start</source>
        <translation>Journal du programme : aucun avertissement ni erreur depuis le démarrage</translation>
    </message>
    <message>
        <source>not told by this API</source>
        <translation>non indiqué par cette API</translation>
    </message>
    <message>
        <source>Polled by</source>
        <translation>Interrogée par</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Collecteur</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Dernier signe de vie</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Interroge</translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation>Collecteurs</translation>
    </message>
    <message>
        <source>none now</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>stopped (%1)</source>
        <translation>arrêté (%1)</translation>
    </message>
    <message>
        <source>Collectors: none has run on this store yet</source>
        <translation>Collecteurs : aucun n&apos;a encore tourné sur ce stockage</translation>
    </message>
</context>
<context>
    <name>activity::KioskController</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message>
        <source>Kiosk mode: press %1 to leave</source>
        <translation>Mode kiosque : appuyez sur %1 pour quitter</translation>
    </message>
    <message>
        <source>Activity Dashboard kiosk</source>
        <translation>Kiosque Activity Dashboard</translation>
    </message>
    <message>
        <source>%1: stale, updated %2 ago</source>
        <translation>%1 : périmé, mis à jour il y a %2</translation>
    </message>
    <message>
        <source>%1: no data yet</source>
        <translation>%1 : pas encore de données</translation>
    </message>
</context>
<context>
    <name>activity::MainWindow</name>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>%1: no data yet.</source>
        <translation>%1 : pas encore de données.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
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
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>First day (UTC)</source>
        <translation>Premier jour (UTC)</translation>
    </message>
    <message>
        <source>Last day (UTC), included</source>
        <translation>Dernier jour (UTC), inclus</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site :</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Retirer ce filtre</translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation>Pays : %1</translation>
    </message>
    <message>
        <source>Remove the filter %1</source>
        <translation>Retirer le filtre %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Save page as &amp;PNG...</source>
        <translation>Enregistrer la page en &amp;PNG...</translation>
    </message>
    <message>
        <source>Save page as PNG</source>
        <translation>Enregistrer la page en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>&amp;Export report...</source>
        <translation>&amp;Exporter un rapport...</translation>
    </message>
    <message>
        <source>Export report to folder</source>
        <translation>Exporter le rapport dans un dossier</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation>Le rapport a été écrit dans %1.</translation>
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
        <translation>À &amp;propos d&apos;Activity Dashboard</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>New page</source>
        <translation>Nouvelle page</translation>
    </message>
    <message>
        <source>Name of the page (for example: Release week):</source>
        <translation>Nom de la page (par exemple : Semaine de sortie) :</translation>
    </message>
    <message>
        <source>+ New page</source>
        <translation>+ Nouvelle page</translation>
    </message>
    <message>
        <source>A page of your own: the figures you care about, drawn the way you want</source>
        <translation>Une page à vous : les chiffres qui vous importent, tracés comme vous le voulez</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>Path: %1</source>
        <translation>Chemin : %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Statut : %1</translation>
    </message>
    <message>
        <source>Read only: %1</source>
        <translation>Lecture seule : %1</translation>
    </message>
    <message>
        <source>This login may only read the store: %1</source>
        <translation>Cet identifiant ne peut que lire le stockage : %1</translation>
    </message>
    <message>
        <source>Store unreachable</source>
        <translation>Stockage injoignable</translation>
    </message>
    <message>
        <source>The store cannot be reached, so these figures may be out of date; reconnecting by itself. (%1)</source>
        <translation>Le stockage est injoignable, ces chiffres peuvent donc être dépassés ; reconnexion automatique en cours. (%1)</translation>
    </message>
    <message>
        <source>S&amp;tore...</source>
        <translation>&amp;Stockage...</translation>
    </message>
    <message>
        <source>Count everyone&apos;s requests, people&apos;s only or bots&apos; only (crawlers, tools, scanners)</source>
        <translation>Compter les requêtes de tous, des personnes seulement ou des robots seulement (robots d&apos;indexation, outils, scanners)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Humans</source>
        <translation>Humains</translation>
    </message>
    <message>
        <source>Bots</source>
        <translation>Robots</translation>
    </message>
    <message>
        <source>Period before</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Draw the span just before the range on the time charts, dashed and aligned on the range&apos;s start</source>
        <translation>Tracer la période juste avant la plage sur les graphiques temporels, en pointillés et alignée sur le début de la plage</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Referrer: %1</source>
        <translation>Référent : %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent : %1</translation>
    </message>
</context>
<context>
    <name>activity::MapPage</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>Shade by</source>
        <translation>Colorer selon</translation>
    </message>
    <message>
        <source>IP Geolocation by DB-IP · Country shapes: Natural Earth (public domain)</source>
        <translation>IP Geolocation by DB-IP · Tracés des pays : Natural Earth (domaine public)</translation>
    </message>
    <message>
        <source>%1 requests from %2 countries; %3 without a known location</source>
        <translation>%1 requêtes de %2 pays ; %3 sans localisation connue</translation>
    </message>
    <message>
        <source>%1 requests by people from %2 countries; %3 without a known location</source>
        <translation>%1 requêtes de personnes depuis %2 pays ; %3 sans lieu connu</translation>
    </message>
    <message>
        <source>%1 requests by bots from %2 countries; %3 without a known location</source>
        <translation>%1 requêtes de robots depuis %2 pays ; %3 sans lieu connu</translation>
    </message>
</context>
<context>
    <name>activity::MetricsPage</name>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Figures over the range</source>
        <translation>Chiffres sur la période</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Dernière valeur</translation>
    </message>
    <message>
        <source>Change over the range</source>
        <translation>Variation sur la période</translation>
    </message>
    <message>
        <source>Latest figures</source>
        <translation>Derniers chiffres</translation>
    </message>
    <message>
        <source>No JSON source is watched yet</source>
        <translation>Aucune source JSON n&apos;est encore suivie</translation>
    </message>
    <message>
        <source>Any API that answers JSON is a source: give its URL and the JSON Pointers of the figures to keep. They appear here after the first poll.</source>
        <translation>Toute API qui répond en JSON est une source : donnez son URL et les pointeurs JSON des chiffres à garder. Ils apparaissent ici après la première interrogation.</translation>
    </message>
    <message>
        <source>Add a JSON source</source>
        <translation>Ajouter une source JSON</translation>
    </message>
    <message>
        <source>Waiting for the first poll</source>
        <translation>En attente de la première interrogation</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) of this kind are set up; figures appear after the first successful poll. The Sources page shows when the next one runs and any error.</source>
        <translation>
            <numerusform>%n source de ce type est configurée ; les chiffres apparaissent après la première interrogation réussie. La page Sources indique quand aura lieu la prochaine et toute erreur.</numerusform>
            <numerusform>%n sources de ce type sont configurées ; les chiffres apparaissent après la première interrogation réussie. La page Sources indique quand aura lieu la prochaine et toute erreur.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change per day</source>
        <translation>Variation par jour</translation>
    </message>
</context>
<context>
    <name>activity::NoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Ajouter une note</translation>
    </message>
    <message>
        <source>Posted on Hacker News</source>
        <translation>Posté sur Hacker News</translation>
    </message>
    <message>
        <source>https://... (optional)</source>
        <translation>https://... (facultatif)</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Heure :</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Lien :</translation>
    </message>
    <message>
        <source>The note was not added: %1</source>
        <translation>La note n&apos;a pas été ajoutée : %1</translation>
    </message>
</context>
<context>
    <name>activity::OverviewPage</name>
    <message>
        <source>GitHub stars</source>
        <translation>Étoiles GitHub</translation>
    </message>
    <message>
        <source>Docker pulls</source>
        <translation>Pulls Docker</translation>
    </message>
    <message>
        <source>Requests today</source>
        <translation>Requêtes aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Visitors today</source>
        <translation>Visiteurs aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Top country</source>
        <translation>Premier pays</translation>
    </message>
    <message>
        <source>Requests and visitors</source>
        <translation>Requêtes et visiteurs</translation>
    </message>
    <message>
        <source>GitHub stars by repository</source>
        <translation>Étoiles GitHub par dépôt</translation>
    </message>
    <message>
        <source>%1 over the range</source>
        <translation>%1 sur la période</translation>
    </message>
    <message>
        <source>%1, %2 vs the period before</source>
        <translation>%1, %2 par rapport à la période précédente</translation>
    </message>
    <message>
        <source>%1 (none the period before)</source>
        <translation>%1 (aucune la période précédente)</translation>
    </message>
    <message>
        <source>%1 (%2 the period before)</source>
        <translation>%1 (%2 la période précédente)</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>pas encore de données</translation>
    </message>
    <message>
        <source>since %1; change not known yet</source>
        <translation>depuis le %1 ; évolution encore inconnue</translation>
    </message>
    <message>
        <source>%1 vs yesterday at this time</source>
        <translation>%1 par rapport à hier à la même heure</translation>
    </message>
    <message>
        <source>no traffic in the range</source>
        <translation>aucun trafic sur la période</translation>
    </message>
    <message>
        <source>%1% of requests in the range</source>
        <translation>%1 % des requêtes de la période</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>nothing watched yet</source>
        <translation>rien n’est encore surveillé</translation>
    </message>
    <message>
        <source>Nothing is watched yet</source>
        <translation>Rien n’est encore surveillé</translation>
    </message>
    <message>
        <source>Add a GitHub repository or organisation, a Docker Hub image or namespace, or a web server log: this page sums up what they report.</source>
        <translation>Ajoutez un dépôt ou une organisation GitHub, une image ou un espace de noms Docker Hub, ou un journal de serveur web : cette page résume ce qu’ils rapportent.</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>no web server logs yet</source>
        <translation>pas encore de journaux de serveur web</translation>
    </message>
    <message>
        <source>waiting for the first request</source>
        <translation>en attente de la première requête</translation>
    </message>
    <message>
        <source>No web server logs yet: add one on the Sources page.</source>
        <translation>Pas encore de journaux de serveur web : ajoutez-en un sur la page Sources.</translation>
    </message>
    <message>
        <source>Waiting for the first request: the log sources set up store requests as they arrive.</source>
        <translation>En attente de la première requête : les sources de journaux configurées enregistrent les requêtes dès leur arrivée.</translation>
    </message>
    <message>
        <source>No GitHub repository is watched yet: add one on the Sources page.</source>
        <translation>Aucun dépôt GitHub n’est encore surveillé : ajoutez-en un sur la page Sources.</translation>
    </message>
    <message>
        <source>No star count in this range yet: it appears after the next poll.</source>
        <translation>Pas encore de nombre d’étoiles sur cette période : il apparaît après le prochain relevé.</translation>
    </message>
    <message>
        <source>No requests in this range: the logs start after it.</source>
        <translation>Aucune requête sur cette période : les journaux commencent après elle.</translation>
    </message>
    <message>
        <source>Bots</source>
        <translation>Robots</translation>
    </message>
    <message>
        <source>no classified requests in the range</source>
        <translation>aucune requête classée dans la période</translation>
    </message>
    <message>
        <source>%1% of requests</source>
        <translation>%1 % des requêtes</translation>
    </message>
    <message>
        <source>%1% of bandwidth in the range</source>
        <translation>%1 % de la bande passante dans la période</translation>
    </message>
    <message>
        <source>What changed against the period before</source>
        <translation>Ce qui a changé par rapport à la période précédente</translation>
    </message>
    <message>
        <source> · people</source>
        <translation> · personnes</translation>
    </message>
    <message>
        <source> · bots</source>
        <translation> · robots</translation>
    </message>
    <message>
        <source>counting the range&apos;s requests</source>
        <translation>décompte des requêtes de la période</translation>
    </message>
</context>
<context>
    <name>activity::PanelEditor</name>
    <message>
        <source>Lines</source>
        <translation>Courbes</translation>
    </message>
    <message>
        <source>Stacked area</source>
        <translation>Aires empilées</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <source>Figure with sparkline</source>
        <translation>Chiffre avec mini-graphique</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>World map (requests by country)</source>
        <translation>Carte du monde (requêtes par pays)</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panneau</translation>
    </message>
    <message>
        <source>&amp;Draw as:</source>
        <translation>&amp;Afficher en :</translation>
    </message>
    <message>
        <source>the first series&apos; name</source>
        <translation>le nom de la première série</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>The page&apos;s range</source>
        <translation>La période de la page</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source> of 4 columns</source>
        <translation> sur 4 colonnes</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Largeur :</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> lignes</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>&amp;Hauteur :</translation>
    </message>
    <message>
        <source>&amp;Series to draw (tick one or more):</source>
        <translation>&amp;Séries à tracer (cochez-en une ou plusieurs) :</translation>
    </message>
    <message>
        <source>Filter: stars, 5xx, www, downloads...</source>
        <translation>Filtre : étoiles, 5xx, www, téléchargements...</translation>
    </message>
    <message>
        <source>Filter the series</source>
        <translation>Filtrer les séries</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Série</translation>
    </message>
    <message>
        <source>%1 (no data now)</source>
        <translation>%1 (pas de données actuellement)</translation>
    </message>
    <message>
        <source> row</source>
        <translation> ligne</translation>
    </message>
    <message>
        <source>or type a series id: traffic.requests{path=&quot;/download&quot;}</source>
        <translation>ou tapez un identifiant de série : traffic.requests{path=&quot;/download&quot;}</translation>
    </message>
    <message>
        <source>Series id</source>
        <translation>Identifiant de série</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
</context>
<context>
    <name>activity::SeriesId</name>
    <message>
        <source>&apos;%1&apos; is not a series id: %2</source>
        <translation>« %1 » n&apos;est pas un identifiant de série : %2</translation>
    </message>
    <message>
        <source>it must start with a name such as traffic.requests</source>
        <translation>il doit commencer par un nom comme traffic.requests</translation>
    </message>
    <message>
        <source>labels go in braces: name{key=&quot;value&quot;}</source>
        <translation>les étiquettes vont entre accolades : name{key=&quot;value&quot;}</translation>
    </message>
    <message>
        <source>expected key=&quot;value&quot; at position %1</source>
        <translation>key=&quot;value&quot; attendu à la position %1</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; has no closing quote</source>
        <translation>la valeur de « %1 » n&apos;a pas de guillemet fermant</translation>
    </message>
    <message>
        <source>the label &apos;%1&apos; is given twice</source>
        <translation>l&apos;étiquette « %1 » est donnée deux fois</translation>
    </message>
    <message>
        <source>labels are separated by commas</source>
        <translation>les étiquettes sont séparées par des virgules</translation>
    </message>
</context>
<context>
    <name>activity::SourceForm</name>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Paste this line into the server block of nginx, then reload nginx:</source>
        <translation>Collez cette ligne dans le bloc server de nginx, puis rechargez nginx :</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>OK: %1</source>
        <translation>OK : %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Edit a source</source>
        <translation>Modifier une source</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test en cours…</translation>
    </message>
    <message>
        <source>the port can be bound</source>
        <translation>le port peut être ouvert</translation>
    </message>
    <message>
        <source>the file can be read</source>
        <translation>le fichier peut être lu</translation>
    </message>
    <message>
        <source>the token was refused (HTTP %1)</source>
        <translation>le jeton a été refusé (HTTP %1)</translation>
    </message>
    <message>
        <source>the API accepted the token (HTTP %1)</source>
        <translation>l&apos;API a accepté le jeton (HTTP %1)</translation>
    </message>
    <message>
        <source>the API answered (HTTP %1)</source>
        <translation>l’API a répondu (HTTP %1)</translation>
    </message>
    <message>
        <source>the API answered HTTP %1</source>
        <translation>l’API a répondu HTTP %1</translation>
    </message>
    <message>
        <source>%1 (several: separate with &apos;;&apos;)</source>
        <translation>%1 (plusieurs : séparez-les par « ; »)</translation>
    </message>
    <message>
        <source>the server answered HTTP %1</source>
        <translation>le serveur a répondu HTTP %1</translation>
    </message>
    <message>
        <source>A key, token or password in it is kept in the desktop keyring (or a file only you can read) and shown as %1: leave it as it is to keep it, or type the whole value to replace it.</source>
        <translation>Une clé, un jeton ou un mot de passe qu&apos;il contient est gardé dans le trousseau du bureau (ou un fichier que vous seul pouvez lire) et affiché %1 : laissez-le tel quel pour le garder, ou saisissez la valeur entière pour le remplacer.</translation>
    </message>
</context>
<context>
    <name>activity::SourcePanel</name>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>source %1 does not exist</source>
        <translation>la source %1 n’existe pas</translation>
    </message>
    <message>
        <source>The token of %1 was forgotten.</source>
        <translation>Le jeton de %1 a été oublié.</translation>
    </message>
    <message>
        <source>Storing the token of %1…</source>
        <translation>Enregistrement du jeton de %1…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Edit a source</source>
        <translation>Modifier une source</translation>
    </message>
    <message>
        <source>Remove a source</source>
        <translation>Supprimer une source</translation>
    </message>
    <message>
        <source>Remove %1 (%2)? Its collected history can be kept for the charts or deleted.</source>
        <translation>Supprimer %1 (%2) ? Son historique peut être conservé pour les graphiques ou effacé.</translation>
    </message>
    <message>
        <source>Remove, keep history</source>
        <translation>Supprimer, garder l’historique</translation>
    </message>
    <message>
        <source>Remove and delete history</source>
        <translation>Supprimer avec l’historique</translation>
    </message>
</context>
<context>
    <name>activity::SourceTableModel</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n j</numerusform>
            <numerusform>%n j</numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>il y a %1</translation>
    </message>
    <message>
        <source>none stored (line received %1)</source>
        <translation>aucune enregistrée (ligne reçue %1)</translation>
    </message>
    <message>
        <source>line stored %1</source>
        <translation>ligne enregistrée %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>running</source>
        <translation>actif</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last success</source>
        <translation>Dernier succès</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Prochaine exécution</translation>
    </message>
    <message>
        <source>Rate limit left</source>
        <translation>Quota restant</translation>
    </message>
</context>
<context>
    <name>activity::StarReferrersPanel</name>
    <message>
        <source>Stars gained, and the referrers that rose at the same time</source>
        <translation>Étoiles gagnées, et les référents en hausse au même moment</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Jour (UTC)</translation>
    </message>
    <message>
        <source>Stars gained</source>
        <translation>Étoiles gagnées</translation>
    </message>
    <message>
        <source>Referrers that rose the same day</source>
        <translation>Référents en hausse le même jour</translation>
    </message>
    <message>
        <source>GitHub traffic</source>
        <translation>trafic GitHub</translation>
    </message>
    <message>
        <source>site log</source>
        <translation>journal du site</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)%1 (%2) {1 %2 ?} {3)?}</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n autre</numerusform>
            <numerusform>%n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>none rose beyond chance</source>
        <translation>aucun en hausse au-delà du hasard</translation>
    </message>
    <message>
        <source>No stars gained in this range: no day to set the referrers beside.</source>
        <translation>Aucune étoile gagnée sur cette période : aucun jour à côté duquel placer les référents.</translation>
    </message>
    <message>
        <source>The %1 days of the range with the most stars gained. Beside each, the referrers whose visits rose that day beyond chance to at least twice a usual day: in the site&apos;s own logs against the day before, and in GitHub&apos;s traffic (its 14-day counts). They happened at the same time; these figures do not say why.</source>
        <translation>Les %1 jours de la période où le plus d&apos;étoiles ont été gagnées. À côté de chacun, les référents dont les visites ont augmenté ce jour-là au-delà du hasard jusqu&apos;à au moins deux fois un jour habituel : dans les journaux du site lui-même par rapport à la veille, et dans le trafic GitHub (ses comptes sur 14 jours). Ils ont eu lieu au même moment ; ces chiffres ne disent pas pourquoi.</translation>
    </message>
</context>
<context>
    <name>activity::StoreChoice</name>
    <message>
        <source>%1 carries a password; keep it in ~/.pgpass or PGPASSWORD and give the URL without it</source>
        <translation>%1 contient un mot de passe ; gardez-le dans ~/.pgpass ou PGPASSWORD et donnez l’URL sans lui</translation>
    </message>
    <message>
        <source>the choice could not be saved in %1</source>
        <translation>le choix n’a pas pu être enregistré dans %1</translation>
    </message>
    <message>
        <source>no store given</source>
        <translation>aucun stockage indiqué</translation>
    </message>
    <message>
        <source>%1 does not exist yet; the window makes it when it starts on it</source>
        <translation>%1 n’existe pas encore ; la fenêtre le crée quand elle démarre dessus</translation>
    </message>
    <message>
        <source>SQLite file</source>
        <translation>Fichier SQLite</translation>
    </message>
    <message>
        <source>%1, empty: run `activity-dashboard store init URL` on it first</source>
        <translation>%1, vide : lancez d’abord `activity-dashboard store init URL` dessus</translation>
    </message>
    <message>
        <source>%1, empty: the window sets it up when it starts on it</source>
        <translation>%1, vide : la fenêtre le prépare quand elle démarre dessus</translation>
    </message>
    <message>
        <source>%1 has schema version %2, newer than this program&apos;s %3: update the program first</source>
        <translation>%1 a le schéma en version %2, plus récente que celle de ce programme (%3) : mettez d’abord le programme à jour</translation>
    </message>
    <message>
        <source>%1, schema version %2</source>
        <translation>%1, schéma en version %2</translation>
    </message>
</context>
<context>
    <name>activity::StoreDialog</name>
    <message>
        <source>Store</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Where the window reads and writes its data. Leave it empty for this computer&apos;s own file; a team shares a PostgreSQL store (see the README&apos;s &quot;Team set-up&quot;).</source>
        <translation>Où la fenêtre lit et écrit ses données. Laissez vide pour le fichier propre à cet ordinateur ; une équipe partage un stockage PostgreSQL (voir « Team set-up » dans le README).</translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation>Utilisé maintenant :</translation>
    </message>
    <message>
        <source>postgresql://me@db.example.org:5432/activity?sslmode=verify-full</source>
        <translation>postgresql://moi@db.example.org:5432/activity?sslmode=verify-full</translation>
    </message>
    <message>
        <source>Store at the next start:</source>
        <translation>Stockage au prochain démarrage :</translation>
    </message>
    <message>
        <source>A password is kept in ~/.pgpass or PGPASSWORD, never here: the choice is saved without one.</source>
        <translation>Un mot de passe se garde dans ~/.pgpass ou PGPASSWORD, jamais ici : le choix est enregistré sans lui.</translation>
    </message>
    <message>
        <source>This window was started with %1, which wins over the choice made here.</source>
        <translation>Cette fenêtre a été lancée avec %1, qui l’emporte sur le choix fait ici.</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Empty: the window opens this computer&apos;s own file.</source>
        <translation>Vide : la fenêtre ouvre le fichier propre à cet ordinateur.</translation>
    </message>
    <message>
        <source>Works: %1</source>
        <translation>Fonctionne : %1</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Saved: the window opens it from its next start.</source>
        <translation>Enregistré : la fenêtre l’ouvrira à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>activity::StoreProblemDialog</name>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
    <message>
        <source>Activity Dashboard cannot open its store:</source>
        <translation>Activity Dashboard ne peut pas ouvrir son stockage :</translation>
    </message>
    <message>
        <source>Try again once the server answers, or work on this computer&apos;s own file for now (File &gt; Store chooses the store for the next start).</source>
        <translation>Réessayez quand le serveur répondra, ou travaillez pour l&apos;instant sur le fichier de cet ordinateur (Fichier &gt; Stockage choisit le stockage du prochain démarrage).</translation>
    </message>
    <message>
        <source>Try again once it can be opened.</source>
        <translation>Réessayez quand il pourra être ouvert.</translation>
    </message>
    <message>
        <source>Try &amp;Again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Use This Computer&apos;s &amp;File</source>
        <translation>Utiliser le &amp;fichier de cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>activity::TokenField</name>
    <message>
        <source>optional: a personal access token (ghp_… or github_pat_…)</source>
        <translation>facultatif : un jeton d&apos;accès personnel (ghp_… ou github_pat_…)</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Oublier</translation>
    </message>
    <message>
        <source>Keep the stored token</source>
        <translation>Garder le jeton enregistré</translation>
    </message>
    <message>
        <source>(cannot be read: %1)</source>
        <translation>(illisible : %1)</translation>
    </message>
    <message>
        <source>(reading…)</source>
        <translation>(lecture…)</translation>
    </message>
    <message>
        <source>The token will be forgotten when you press OK.</source>
        <translation>Le jeton sera oublié quand vous appuierez sur OK.</translation>
    </message>
    <message>
        <source>%1, in the desktop keyring</source>
        <translation>%1, dans le trousseau du bureau</translation>
    </message>
    <message>
        <source>%1, in %2 (readable only by you)</source>
        <translation>%1, dans %2 (lisible par vous seul)</translation>
    </message>
    <message>
        <source>%1, in the private token file</source>
        <translation>%1, dans le fichier privé des jetons</translation>
    </message>
    <message>
        <source>a file in the data folder</source>
        <translation>un fichier du dossier de données</translation>
    </message>
    <message>
        <source>Kept in the desktop keyring when one answers, else in %1, readable only by you; never in the database, logs or reports.</source>
        <translation>Gardé dans le trousseau du bureau s&apos;il répond, sinon dans %1, lisible par vous seul ; jamais dans la base de données, les journaux ni les rapports.</translation>
    </message>
</context>
<context>
    <name>activity::TrafficPage</name>
    <message>
        <source>Crawlers</source>
        <translation>Robots</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>Bande passante</translation>
    </message>
    <message>
        <source>Errors (4xx and 5xx)</source>
        <translation>Erreurs (4xx et 5xx)</translation>
    </message>
    <message>
        <source>Requests and visitors</source>
        <translation>Requêtes et visiteurs</translation>
    </message>
    <message>
        <source>Requests by status class</source>
        <translation>Requêtes par classe de statut</translation>
    </message>
    <message>
        <source>Requests by hour of day</source>
        <translation>Requêtes par heure de la journée</translation>
    </message>
    <message>
        <source>Top lists</source>
        <translation>Classements</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>Chemins</translation>
    </message>
    <message>
        <source>404s</source>
        <translation>404</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Référents</translation>
    </message>
    <message>
        <source>Browsers</source>
        <translation>Navigateurs</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>OS</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>Navigateur</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Système d&apos;exploitation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <source>Click a country to narrow the page to it</source>
        <translation>Cliquez sur un pays pour restreindre la page à ce pays</translation>
    </message>
    <message>
        <source>%1 vs the previous period</source>
        <translation>%1 par rapport à la période précédente</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 requêtes</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <source>Requests by status class (all countries)</source>
        <translation>Requêtes par classe de statut (tous pays)</translation>
    </message>
    <message>
        <source>Click a band to narrow the page to its status class</source>
        <translation>Cliquez sur une bande pour restreindre la page à sa classe de statut</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Code de statut</translation>
    </message>
    <message>
        <source>Click a path to narrow the page to it</source>
        <translation>Cliquez sur un chemin pour restreindre la page à celui-ci</translation>
    </message>
    <message>
        <source>Click a status code to narrow the page to it</source>
        <translation>Cliquez sur un code de statut pour restreindre la page à celui-ci</translation>
    </message>
    <message>
        <source>data since %1</source>
        <translation>données depuis le %1</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
</context>
<context>
    <name>activity::TrayController</name>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Pause collecting</source>
        <translation>Suspendre la collecte</translation>
    </message>
    <message>
        <source>Keep collecting in the tray when the window is closed</source>
        <translation>Continuer la collecte dans la zone de notification quand la fenêtre est fermée</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Activity Dashboard: data is not being saved</source>
        <translation>Activity Dashboard : les données ne sont pas enregistrées</translation>
    </message>
    <message>
        <source>Activity Dashboard</source>
        <translation>Activity Dashboard</translation>
    </message>
    <message>
        <source>%1 requests today</source>
        <translation>%1 requêtes aujourd&apos;hui</translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation>%1 étoiles</translation>
    </message>
    <message>
        <source>Collecting</source>
        <translation>Collecte en cours</translation>
    </message>
    <message>
        <source>Collecting paused</source>
        <translation>Collecte suspendue</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Resume collecting</source>
        <translation>Reprendre la collecte</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits.</source>
        <translation>Ce bureau n&apos;a pas de zone de notification : fermer la fenêtre quitte le programme.</translation>
    </message>
    <message>
        <source>Still collecting in the tray. Quit from the tray menu.</source>
        <translation>La collecte continue dans la zone de notification. Quittez depuis son menu.</translation>
    </message>
    <message>
        <source>Still running in the tray. Quit from the tray menu.</source>
        <translation>Toujours actif dans la zone de notification. Quittez depuis son menu.</translation>
    </message>
    <message>
        <source>1 alert firing</source>
        <translation>1 alerte active</translation>
    </message>
    <message>
        <source>%1 alerts firing</source>
        <translation>%1 alertes actives</translation>
    </message>
    <message>
        <source>Activity Dashboard: the store cannot be reached</source>
        <translation>Activity Dashboard : le stockage est injoignable</translation>
    </message>
    <message>
        <source>%1
The figures shown are the last ones read; they are read again when it answers.</source>
        <translation>%1
Les chiffres affichés sont les derniers lus ; ils sont relus quand il répond.</translation>
    </message>
    <message>
        <source>The store cannot be reached (figures as last read): %1</source>
        <translation>Le stockage est injoignable (chiffres tels que lus en dernier) : %1</translation>
    </message>
</context>
<context>
    <name>activity::WhatChangedPanel</name>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>What changed against the period before</source>
        <translation>Ce qui a changé par rapport à la période précédente</translation>
    </message>
    <message>
        <source>Requests in the range against the span just before it, as long. Listed when at least %1 requests and a change a steady rate gives less than one time in twenty; no percentage from fewer than %2 before. Click a row to narrow the traffic figures to it.</source>
        <translation>Requêtes de la plage comparées à la période de même durée juste avant. Listé à partir de %1 requêtes et pour un changement qu&apos;un rythme régulier donne moins d&apos;une fois sur vingt ; pas de pourcentage à partir de moins de %2 avant. Cliquez une ligne pour y restreindre les chiffres du trafic.</translation>
    </message>
    <message>
        <source>Referrer</source>
        <translation>Référent</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>No requests in this range or the period before: nothing to compare.</source>
        <translation>Aucune requête dans cette plage ni dans la période précédente : rien à comparer.</translation>
    </message>
    <message>
        <source>Nothing rose or fell beyond chance against the period before.</source>
        <translation>Rien n&apos;a monté ni baissé au-delà du hasard par rapport à la période précédente.</translation>
    </message>
    <message>
        <source>Everyone&apos;s requests: the Humans / Bots switch does not narrow what changed.</source>
        <translation>Requêtes de tous : le sélecteur Humains / Robots ne restreint pas ce qui a changé.</translation>
    </message>
</context>
<context>
    <name>activity::WorldMapWidget</name>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>Visiteurs</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>pas de données</translation>
    </message>
    <message>
        <source>%1
Requests: %2
Visitors: %3
Share: %4 %</source>
        <translation>%1
Requêtes : %2
Visiteurs : %3
Part : %4 %</translation>
    </message>
</context>
</TS>
