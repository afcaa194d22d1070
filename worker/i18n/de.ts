import type { MessageKey } from './en';

export const de: Record<MessageKey, string> = {
  invalid_body: 'Der Inhalt der Anfrage ist ungültig.',
  invalid_query: 'Die Abfrageparameter sind ungültig.',
  invalid_param: 'Die Adresse ist ungültig.',
  invalid_header: 'Ein Header der Anfrage ist ungültig.',
  invalid_json: 'Der Inhalt ist kein gültiges JSON.',
  key_missing: 'Ein Schlüssel ist erforderlich: Senden Sie Authorization: Bearer <Schlüssel>.',
  key_unknown: 'Der Schlüssel ist unbekannt oder wurde widerrufen.',
  root_not_tenant_key:
    'Das Root-Token verwaltet Tenants und Schlüssel; verwenden Sie hier einen Tenant-Schlüssel.',
  role_needed: 'Dafür ist ein Schlüssel mit der Rolle {role} nötig; dieser Schlüssel hat die Rolle {has}.',
  root_only: 'Nur das Root-Token darf das.',
  own_tenant_only: 'Ein Schlüssel darf nur die Schlüssel seines eigenen Tenants verwalten.',
  route_unknown: 'Unter {method} {path} gibt es nichts.',
  tenant_unknown: 'Es gibt keinen Tenant {id}; legen Sie ihn zuerst an.',
  key_id_unknown: 'Diesen Schlüssel gibt es für diesen Tenant nicht.',
  email_address_none: 'Dieser Tenant hat noch keine E-Mail-Adresse; POST /v1/email-address legt eine an.',
  email_domain_unset: 'E-Mail ist auf diesem Worker nicht eingerichtet: die Variable EMAIL_DOMAIN ist leer.',
  io_events_none:
    'Dieser Tenant empfängt keine Event-Streams von Marketo; POST /v1/io-events richtet sie ein.',
  io_url_unknown: 'Unter dieser Adresse gibt es keinen Empfänger für Event-Streams.',
  io_signature: 'Die Zustellung ist nicht von Adobe I/O Events signiert, oder keine Signatur stimmt.',
  io_recipient: 'Die Zustellung ist für eine andere Client-ID bestimmt.',
  io_envelope: 'Der Body ist keine Zustellung von Adobe I/O Events.',
  io_keys_unavailable:
    'Der Schlüsselserver von Adobe I/O Events hat nicht rechtzeitig geantwortet; versuchen Sie es später erneut.',
  io_challenge: 'Die Challenge muss 1 bis 500 Zeichen lang sein.',
  too_large: 'Der Inhalt darf höchstens {bytes} Bytes groß sein.',
  media_type: 'Senden Sie den Inhalt als {types}.',
  idempotency_batch:
    'Der Header Idempotency-Key gilt für ein einzelnes Ereignis; ' +
    'geben Sie jedem Ereignis eines Stapels eine eigene ID.',
  idempotency_differs: 'Der Header Idempotency-Key und die ID des Ereignisses weichen voneinander ab.',
  differs_from_header: 'weicht vom Header Idempotency-Key ab',
  form_conflict: 'Die Formularfelder beschreiben kein einzelnes Objekt.',
  form_field_conflict: 'widerspricht einem anderen Feld mit demselben Namen',
  cursor_invalid: 'Der Cursor ist ungültig; beginnen Sie ohne ihn von vorn.',
  cursor_field: 'ungültiger Cursor',
  ticket_missing: 'Ein Stream-Ticket ist erforderlich: zuerst POST /v1/stream/ticket.',
  ticket_invalid: 'Das Stream-Ticket ist ungültig.',
  upgrade_needed: 'Diese Adresse erwartet eine WebSocket-Upgrade-Anfrage.',
  enroll_only:
    'Ein Registrierungsschlüssel kann nur Personen registrieren (POST /v1/enroll); ' +
    'verwenden Sie hier einen Lese- oder Administratorschlüssel.',
  enrol_cap:
    'Mit diesem Registrierungsschlüssel wurden heute bereits {limit} Personen registriert, das Tageslimit; ' +
    'versuchen Sie es morgen erneut oder fragen Sie nach einem anderen Schlüssel.',
  member_exists:
    'Ein Mitglied mit diesem Namen gibt es bereits. Registrieren Sie sich mit Ihrem eigenen ' +
    'Namen oder bitten Sie einen Admin um einen zweiten Schlüssel für dieses Mitglied.',
  notification_unknown: 'Dieser Mandant hat keine Benachrichtigung mit dieser ID.',
  snooze_past: 'Das Zurückstellen muss in der Zukunft enden.',
  snooze_too_long: 'Zurückstellen ist höchstens 7 Tage möglich.',
  snooze_read:
    'Nur eine ungelesene Benachrichtigung kann zurückgestellt werden; diese ist gelesen oder erledigt.',
  refused: 'Die Anfrage wurde abgelehnt.',
  host_not_allowed: 'Der Worker darf diesen Host nicht aufrufen; MARKETO_HOSTS erlaubt {patterns}.',
  https_required: 'muss https verwenden (http nur für einen Loopback-Host, den MARKETO_HOSTS nennt)',
  rest_url_invalid:
    'muss der REST-Endpunkt aus Admin > Web Services sein, z. B. https://123-ABC-456.mktorest.com',
  field_required: 'ist erforderlich',
  connector_incomplete: 'Die erste Verbindung braucht restUrl, clientId und clientSecret.',
  connector_key_missing:
    'Dem Worker fehlt das Secret CONNECTOR_KEY, um das Client-Secret zu verschlüsseln; ' +
    'legen Sie es mit wrangler secret put CONNECTOR_KEY an.',
  secret_required:
    'Eine restUrl auf einem anderen Host braucht das clientSecret erneut: ' +
    'Das gespeicherte Secret geht nur an den Host, für den es eingegeben wurde.',
  connector_unknown: 'Für diesen Tenant ist keine Marketo-Verbindung eingerichtet.',
  internal: 'Auf dem Server ist etwas schiefgegangen; versuchen Sie es später erneut.',
  form_too_many_fields: 'Ein Formular darf höchstens {max} Felder haben.',
  form_name_too_deep:
    'Ein Feldname in einem Formular darf höchstens {max} durch Punkte getrennte Teile haben.',
  method_not_allowed: '{path} nimmt kein {method} an, sondern {allow}.',
  rate_limited: 'Zu viele Anfragen mit diesem Schlüssel; versuchen Sie es in {seconds} s erneut.',
  root_attempts:
    'Zu viele fehlgeschlagene Versuche mit dem Root-Token von dieser Adresse; versuchen Sie es in {seconds} s erneut.',
  root_disabled:
    'Der Root-Zugriff ist aus: Das Secret ROOT_TOKEN ist kürzer als 32 Zeichen oder der Beispielwert.',
  streams_per_key: 'Dieser Schlüssel hat bereits {max} offene Streams; schließen Sie zuerst einen.',
  streams_per_tenant: 'Dieser Tenant hat bereits {max} offene Streams; schließen Sie zuerst einen.',
  streams_per_enrolment:
    'Die über denselben Registrierungsschlüssel registrierten Schlüssel ' +
    'haben zusammen bereits {max} offene Streams; schließen Sie zuerst einen.',
  tickets_per_key:
    'Dieser Schlüssel hat bereits {max} unbenutzte Stream-Tickets; ' +
    'verwenden Sie eines oder warten Sie, bis sie ablaufen.',
  tickets_per_tenant:
    'Dieser Tenant hat bereits {max} unbenutzte Stream-Tickets; versuchen Sie es in einer Minute erneut.',
  waits_per_key:
    'Dieser Schlüssel hat bereits {max} Anfragen, die auf eine Änderung warten; warten Sie, bis eine endet.',
  channel_unknown: 'Diesen Kanal gibt es für diesen Mandanten nicht.',
  too_many_channels: 'Ein Mandant kann höchstens {max} Kanäle haben; entfernen Sie zuerst einen.',
  channel_url_host:
    'muss eine Adresse von hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams) sein',
  channel_url_public:
    'muss https auf Port 443 eines öffentlichen DNS-Namens sein, ohne Benutzernamen oder Kennwort',
  channel_url_invalid: 'ist keine gültige https-URL',
  channel_field_kind: 'wird von dieser Art von Kanal nicht verwendet',
  channel_not_webhook: 'Nur Webhook-Kanäle haben ein Signaturgeheimnis.',
  channel_key_missing:
    'Der Worker hat kein CONNECTOR_KEY-Secret, um Kanaladressen zu versiegeln; ' +
    'setzen Sie es mit wrangler secret put CONNECTOR_KEY.',
};
