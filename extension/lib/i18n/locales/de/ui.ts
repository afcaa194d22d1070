import type { UiCatalog } from '../../types';

export const de: UiCatalog = {
  'app.name': 'Marketo Notifier',

  'popup.topUsers': 'Größte API-Benutzer: {users}',
  'popup.topUser': '{user} ({count})',
  'popup.chartTitle': 'API-Nutzung heute und in den letzten 7 Tagen',
  'popup.chartToday': 'Heute: {used} von {limit} Aufrufen.',
  'popup.chartForecast': 'In diesem Tempo ist das Limit um {time} erreicht.',
  'popup.chartDays': 'Letzte 7 Tage: {days}.',
  'popup.chartDay': '{day}: {total}',
  'popup.chartLimit': 'Tageslimit {limit}',

  'popup.quota': 'API-Kontingent',
  'popup.quotaUsage': '{used} von {limit} Aufrufen ({percent})',
  'popup.quotaResets': 'Zurücksetzung: {time}',
  'popup.feed': 'Benachrichtigungen',
  'popup.showUnread': 'Ungelesen',
  'popup.showAll': 'Alle',
  'popup.filter': 'Anzeigen',
  'popup.markRead': 'Als gelesen markieren',
  'popup.markReadLabel': 'Als gelesen markieren: {title}',
  'popup.markAllRead': 'Alle als gelesen markieren',
  'popup.read': 'Gelesen',
  'popup.times': '×{count}',
  'popup.timesLabel': { one: 'einmal aufgetreten', other: '{count}-mal aufgetreten' },
  'popup.loadMore': 'Weitere laden',
  'popup.loading': 'Wird geladen…',
  'popup.emptyUnread': 'Alles erledigt: keine ungelesenen Benachrichtigungen.',
  'popup.emptyAll': 'Noch keine Benachrichtigungen.',
  'popup.error': 'Benachrichtigungen konnten nicht geladen werden.',
  'popup.retry': 'Erneut versuchen',
  'popup.unconfigured':
    'Verbinden Sie die Erweiterung mit Ihrem Notifier-Worker, um Benachrichtigungen zu sehen.',
  'popup.openOptions': 'Optionen öffnen',
  'popup.groupCount': { one: '{count} Benachrichtigung', other: '{count} Benachrichtigungen' },
  'popup.unreadCount': { one: '{count} ungelesen', other: '{count} ungelesen' },
  'popup.updated': 'Aktualisiert {time}',

  'status.live': 'Live verbunden',
  'status.polling': 'Abfrage jede Minute',
  'status.connecting': 'Verbindung wird hergestellt…',
  'status.error': 'Nicht verbunden',
  'status.unconfigured': 'Nicht eingerichtet',

  'problem.connection.unreachable':
    'Der Worker ist nicht erreichbar. Prüfen Sie die URL und ob der Worker läuft.',
  'problem.connection.refused': 'Der Schlüssel wurde abgelehnt. Er ist vielleicht falsch oder widerrufen.',
  'problem.connection.wrong_role':
    'Dieser Schlüssel kann keine Benachrichtigungen lesen: ' +
    'Verwenden Sie einen Lese- oder Admin-Schlüssel, keinen Ingest-Schlüssel.',
  'problem.connection.bad_url': 'Die Worker-URL ist keine gültige http- oder https-Adresse.',
  'problem.connection.bad_response':
    'Der Worker hat unerwartet geantwortet. Ist diese URL ein Marketo-Notifier-Worker?',
  'problem.connection.server':
    'Der Worker hatte ein Problem (HTTP {status}). Versuchen Sie es später erneut.',
  'problem.connection.rate_limited':
    'Zu viele Anfragen: Der Worker bittet zu warten. Neuer Versuch in {seconds} s.',
  'problem.connection.invalid_input': 'Der Worker hat die Anfrage abgelehnt: {message}',
  'problem.connection.not_configured': 'Es sind keine Worker-URL und kein Schlüssel eingestellt.',

  'badge.title': {
    one: 'Marketo Notifier: {count} ungelesene Benachrichtigung',
    other: 'Marketo Notifier: {count} ungelesene Benachrichtigungen',
  },
  'badge.titleNone': 'Marketo Notifier: keine ungelesenen Benachrichtigungen',
  'badge.titleError': 'Marketo Notifier: {reason}',
  'badge.titleUnconfigured': 'Marketo Notifier: Richten Sie die Verbindung in den Optionen ein',

  'access.missing': 'Die Erweiterung darf {origin} noch nicht erreichen.',
  'access.allow': 'Zugriff erlauben',
  'role.ingest': 'Eingang',
  'role.read': 'Lesen',
  'role.admin': 'Administration',
  'role.enroll': 'Registrierung',

  'overlay.bell': {
    one: '{count} ungelesene Marketo-Benachrichtigung',
    other: '{count} ungelesene Marketo-Benachrichtigungen',
  },
  'overlay.dismiss': 'Schließen',
  'overlay.critical': 'Kritische Benachrichtigung',

  'desktop.title': 'Marketo: {type}',

  'team.ackLabel': 'Ich kümmere mich: {title}',
  'team.resolveLabel': 'Als erledigt markieren: {title}',
  'team.snooze': 'Zurückstellen',
  'team.snoozeLabel': 'Zurückstellen: {title}',
  'team.snoozeHour': '1 Stunde',
  'team.snoozeTomorrow': 'Bis morgen 9:00',
  'team.snoozeWeek': '1 Woche',
  'team.snoozedUntil': 'Zurückgestellt bis {time}',
  'team.detailsLabel': 'Einzelheiten: {title}',
  'popup.showMine': 'Meine',
  'popup.showMineLabel': 'Von mir übernommen',
  'popup.emptyMine': 'Sie haben keine offene Benachrichtigung übernommen.',
  'channel.slack': 'Slack',
  'channel.teams': 'Microsoft Teams',
  'channel.webhook': 'Signierter Webhook',
  'channel.email': 'E-Mail',
  'team.via': '{member} (über {channel})',
  'desktop.titleIn': 'Marketo ({connection}): {type}',
  'badge.connectionCount': { one: '{label}: {count} ungelesen', other: '{label}: {count} ungelesen' },
  'badge.connectionFailing': '{label}: {reason}',
  'badge.titleAllFailing': 'Marketo Notifier: keine Verbindung funktioniert',
  'popup.connections': 'Verbindungen',
  'popup.allConnections': 'Alle',
  'popup.tabLabel': { one: '{label}, {count} ungelesen', other: '{label}, {count} ungelesen' },
  'popup.allLabel': { one: 'Alle, {count} ungelesen', other: 'Alle, {count} ungelesen' },
};
