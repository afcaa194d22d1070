import type { MessageKey } from './en';

export const es: Record<MessageKey, string> = {
  invalid_body: 'El cuerpo de la solicitud no es válido.',
  invalid_query: 'Los parámetros de la consulta no son válidos.',
  invalid_param: 'La dirección no es válida.',
  invalid_header: 'Un encabezado de la solicitud no es válido.',
  invalid_json: 'El cuerpo no es un JSON válido.',
  key_missing: 'Se necesita una clave: envíe Authorization: Bearer <clave>.',
  key_unknown: 'La clave es desconocida o se revocó.',
  root_not_tenant_key: 'El token raíz administra tenants y claves; use aquí una clave de tenant.',
  role_needed: 'Esto requiere una clave con el rol {role}; esta clave tiene el rol {has}.',
  root_only: 'Solo el token raíz puede hacer esto.',
  own_tenant_only: 'Una clave solo puede administrar las claves de su propio tenant.',
  route_unknown: 'No hay nada en {method} {path}.',
  tenant_unknown: 'No existe el tenant {id}; créelo primero.',
  key_id_unknown: 'Este tenant no tiene esa clave.',
  email_address_none: 'Este tenant aún no tiene dirección de correo; POST /v1/email-address crea una.',
  email_domain_unset: 'El correo no está configurado en este worker: su variable EMAIL_DOMAIN está vacía.',
  io_events_none: 'Este tenant no recibe los flujos de eventos de Marketo; POST /v1/io-events los configura.',
  io_url_unknown: 'No hay ningún receptor de flujos de eventos en esta dirección.',
  io_signature: 'La entrega no está firmada por Adobe I/O Events o ninguna firma coincide.',
  io_recipient: 'La entrega está destinada a otro ID de cliente.',
  io_envelope: 'El cuerpo no es una entrega de Adobe I/O Events.',
  io_keys_unavailable:
    'El servidor de claves de Adobe I/O Events no respondió a tiempo; inténtelo más tarde.',
  io_challenge: 'El challenge debe tener entre 1 y 500 caracteres.',
  too_large: 'El cuerpo puede tener como máximo {bytes} bytes.',
  media_type: 'Envíe el cuerpo como {types}.',
  idempotency_batch:
    'El encabezado Idempotency-Key es para un solo evento; dé a cada evento de un lote su propio id.',
  idempotency_differs: 'El encabezado Idempotency-Key y el id del evento no coinciden.',
  differs_from_header: 'no coincide con el encabezado Idempotency-Key',
  form_conflict: 'Los campos del formulario no describen un único objeto.',
  form_field_conflict: 'entra en conflicto con otro campo del mismo nombre',
  cursor_invalid: 'El cursor no es válido; vuelva a empezar sin él.',
  cursor_field: 'cursor no válido',
  ticket_missing: 'Se necesita un ticket de flujo: primero POST /v1/stream/ticket.',
  ticket_invalid: 'El ticket de flujo no es válido.',
  upgrade_needed: 'Esta dirección espera una solicitud de actualización a WebSocket.',
  enroll_only:
    'Una clave de inscripción solo sirve para inscribir personas (POST /v1/enroll); ' +
    'use aquí una clave de lectura o de administración.',
  enrol_cap:
    'Esta clave de inscripción ya inscribió hoy a {limit} personas, su límite diario; ' +
    'vuelva a intentarlo mañana o pida otra clave.',
  member_exists:
    'Ya existe un miembro con ese nombre. Inscríbase con su propio ' +
    'nombre o pida a un administrador una segunda clave para ese miembro.',
  notification_unknown: 'Este inquilino no tiene ninguna notificación con ese identificador.',
  snooze_past: 'El aplazamiento debe terminar en el futuro.',
  snooze_too_long: 'Un aplazamiento dura como máximo 7 días.',
  snooze_read: 'Solo se puede posponer una notificación no leída; esta está leída o resuelta.',
  refused: 'Se rechazó la solicitud.',
  host_not_allowed: 'El worker no puede llamar a este host; MARKETO_HOSTS permite {patterns}.',
  https_required: 'debe usar https (http solo para un host de loopback que MARKETO_HOSTS incluya)',
  rest_url_invalid:
    'debe ser el extremo REST de Admin > Web Services, por ejemplo https://123-ABC-456.mktorest.com',
  field_required: 'es obligatorio',
  connector_incomplete: 'La primera conexión necesita restUrl, clientId y clientSecret.',
  connector_key_missing:
    'El worker no tiene el secreto CONNECTOR_KEY para cifrar el secreto de cliente; ' +
    'defínalo con wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'Una restUrl en otro host necesita de nuevo el clientSecret: ' +
    'el secreto guardado solo se envía al host para el que se introdujo.',
  connector_unknown: 'Este tenant no tiene ninguna conexión con Marketo.',
  internal: 'Algo salió mal en el servidor; inténtelo más tarde.',
  form_too_many_fields: 'Un formulario puede tener como máximo {max} campos.',
  form_name_too_deep:
    'El nombre de un campo de formulario puede tener como máximo {max} partes separadas por puntos.',
  method_not_allowed: '{path} no acepta {method}; acepta {allow}.',
  rate_limited: 'Demasiadas solicitudes con esta clave; vuelva a intentarlo en {seconds} s.',
  root_attempts:
    'Demasiados intentos fallidos con el token root desde esta dirección; vuelva a intentarlo en {seconds} s.',
  root_disabled:
    'El acceso root está desactivado: el secreto ROOT_TOKEN tiene menos de 32 caracteres o es el valor de ejemplo.',
  streams_per_key: 'Esta clave ya tiene {max} flujos abiertos; cierre uno primero.',
  streams_per_tenant: 'Este tenant ya tiene {max} flujos abiertos; cierre uno primero.',
  streams_per_enrolment:
    'Las claves inscritas con la misma clave de inscripción ' +
    'ya tienen {max} flujos abiertos en total; cierre uno primero.',
  tickets_per_key: 'Esta clave ya tiene {max} tickets de flujo sin usar; use uno o espere a que caduquen.',
  tickets_per_tenant:
    'Este tenant ya tiene {max} tickets de flujo sin usar; vuelva a intentarlo en un minuto.',
  waits_per_key: 'Esta clave ya tiene {max} solicitudes esperando un cambio; espere a que termine una.',
  channel_unknown: 'Este inquilino no tiene ese canal.',
  too_many_channels: 'Un inquilino puede tener como máximo {max} canales; elimine uno primero.',
  channel_url_host:
    'debe ser una dirección de hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)',
  channel_url_public:
    'debe ser https en el puerto 443 de un nombre DNS público, sin nombre de usuario ni contraseña',
  channel_url_invalid: 'no es una URL https válida',
  channel_field_kind: 'no se usa en este tipo de canal',
  channel_not_webhook: 'Solo los canales de webhook tienen un secreto de firma.',
  channel_key_missing:
    'El worker no tiene el secreto CONNECTOR_KEY para sellar las direcciones de los canales; ' +
    'defínalo con wrangler secret put CONNECTOR_KEY.',
};
