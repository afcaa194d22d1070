import type { MessageKey } from './en';

export const ko: Record<MessageKey, string> = {
  invalid_body: '요청 본문이 올바르지 않습니다.',
  invalid_query: '쿼리 문자열이 올바르지 않습니다.',
  invalid_param: '주소가 올바르지 않습니다.',
  invalid_header: '요청 헤더가 올바르지 않습니다.',
  invalid_json: '본문이 올바른 JSON이 아닙니다.',
  key_missing: '키가 필요합니다. Authorization: Bearer <키>를 보내세요.',
  key_unknown: '알 수 없거나 취소된 키입니다.',
  root_not_tenant_key: '루트 토큰은 테넌트와 키를 관리하는 데 사용합니다. 여기서는 테넌트 키를 사용하세요.',
  role_needed: '{role} 역할의 키가 필요합니다. 이 키의 역할은 {has}입니다.',
  root_only: '루트 토큰만 이 작업을 할 수 있습니다.',
  own_tenant_only: '키는 자신이 속한 테넌트의 키만 관리할 수 있습니다.',
  route_unknown: '{method} {path}에는 아무것도 없습니다.',
  tenant_unknown: '테넌트 {id}이(가) 없습니다. 먼저 만드세요.',
  key_id_unknown: '이 테넌트에는 그런 키가 없습니다.',
  email_address_none: '이 테넌트에는 아직 이메일 주소가 없습니다. POST /v1/email-address로 만드세요.',
  email_domain_unset: '이 워커에는 이메일이 설정되어 있지 않습니다. EMAIL_DOMAIN 변수가 비어 있습니다.',
  io_events_none: '이 테넌트는 Marketo의 이벤트 스트림을 받지 않습니다. POST /v1/io-events로 설정하세요.',
  io_url_unknown: '이 주소에는 이벤트 스트림 수신기가 없습니다.',
  io_signature: '전송이 Adobe I/O Events로 서명되지 않았거나 일치하는 서명이 없습니다.',
  io_recipient: '이 전송은 다른 클라이언트 ID를 위한 것입니다.',
  io_envelope: '본문이 Adobe I/O Events 전송이 아닙니다.',
  io_keys_unavailable: 'Adobe I/O Events 키 서버가 제시간에 응답하지 않았습니다. 나중에 다시 시도하세요.',
  io_challenge: 'challenge는 1~500자여야 합니다.',
  too_large: '본문은 최대 {bytes}바이트까지 허용됩니다.',
  media_type: '본문을 {types} 형식으로 보내세요.',
  idempotency_batch:
    'Idempotency-Key 헤더는 단일 이벤트용입니다. 배치에서는 각 이벤트에 고유 ID를 지정하세요.',
  idempotency_differs: 'Idempotency-Key 헤더와 이벤트 ID가 다릅니다.',
  differs_from_header: 'Idempotency-Key 헤더와 다릅니다',
  form_conflict: '양식 필드가 하나의 개체를 나타내지 않습니다.',
  form_field_conflict: '같은 이름의 다른 필드와 충돌합니다',
  cursor_invalid: '커서가 올바르지 않습니다. 커서 없이 다시 시작하세요.',
  cursor_field: '잘못된 커서',
  ticket_missing: '스트림 티켓이 필요합니다. 먼저 POST /v1/stream/ticket을 호출하세요.',
  ticket_invalid: '스트림 티켓이 올바르지 않습니다.',
  upgrade_needed: '이 주소는 WebSocket 업그레이드 요청을 기대합니다.',
  enroll_only:
    '등록 키는 사람을 등록하는 데만(POST /v1/enroll) 쓸 수 있습니다. 여기에는 읽기 키나 관리자 키를 사용하세요.',
  enrol_cap:
    '이 등록 키로 오늘 이미 {limit}명이 등록되어 하루 한도에 도달했습니다. 내일 다시 시도하거나 다른 키를 요청하세요.',
  member_exists:
    '이 이름의 멤버가 이미 있습니다. 본인 이름으로 등록하거나 관리자에게 해당 멤버의 두 번째 키를 요청하세요.',
  notification_unknown: '이 테넌트에는 해당 ID의 알림이 없습니다.',
  snooze_past: '다시 알림 시간은 미래여야 합니다.',
  snooze_too_long: '다시 알림은 최대 7일까지 가능합니다.',
  snooze_read: '읽지 않은 알림만 다시 알림을 설정할 수 있습니다. 이 알림은 읽었거나 해결되었습니다.',
  refused: '요청이 거부되었습니다.',
  host_not_allowed: 'Worker는 이 호스트를 호출할 수 없습니다. MARKETO_HOSTS에서 허용하는 호스트: {patterns}.',
  https_required: 'https를 사용해야 합니다(http는 MARKETO_HOSTS에 있는 루프백 호스트만 가능)',
  rest_url_invalid: 'Admin > Web Services의 REST 엔드포인트여야 합니다(예: https://123-ABC-456.mktorest.com)',
  field_required: '필수 항목입니다',
  connector_incomplete: '처음 연결할 때는 restUrl, clientId, clientSecret이 필요합니다.',
  connector_key_missing:
    'Worker에 클라이언트 암호를 암호화할 CONNECTOR_KEY 시크릿이 없습니다. ' +
    'wrangler secret put CONNECTOR_KEY로 설정하세요.',
  secret_required:
    '다른 호스트의 restUrl에는 clientSecret을 다시 입력해야 합니다. 저장된 암호는 입력할 때의 호스트에만 전송됩니다.',
  connector_unknown: '이 테넌트에는 Marketo 연결이 설정되어 있지 않습니다.',
  internal: '서버에서 문제가 발생했습니다. 나중에 다시 시도하세요.',
  form_too_many_fields: '양식에는 필드를 최대 {max}개까지 넣을 수 있습니다.',
  form_name_too_deep: '양식 필드 이름은 점으로 구분된 부분을 최대 {max}개까지 가질 수 있습니다.',
  method_not_allowed: '{path}은(는) {method}을(를) 받지 않습니다. 받는 메서드: {allow}.',
  rate_limited: '이 키로 보낸 요청이 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
  root_attempts: '이 주소에서 루트 토큰 시도가 너무 많이 실패했습니다. {seconds}초 후에 다시 시도하세요.',
  root_disabled: '루트 액세스가 꺼져 있습니다. ROOT_TOKEN 시크릿이 32자보다 짧거나 예시 값입니다.',
  streams_per_key: '이 키에는 이미 열린 스트림이 {max}개 있습니다. 먼저 하나를 닫으세요.',
  streams_per_tenant: '이 테넌트에는 이미 열린 스트림이 {max}개 있습니다. 먼저 하나를 닫으세요.',
  streams_per_enrolment:
    '같은 등록 키로 등록된 키들에 이미 열린 스트림이 모두 {max}개 있습니다. 먼저 하나를 닫으세요.',
  tickets_per_key:
    '이 키에는 이미 사용하지 않은 스트림 티켓이 {max}개 있습니다. 하나를 사용하거나 만료될 때까지 기다리세요.',
  tickets_per_tenant:
    '이 테넌트에는 이미 사용하지 않은 스트림 티켓이 {max}개 있습니다. 1분 후에 다시 시도하세요.',
  waits_per_key: '이 키에는 이미 변경을 기다리는 요청이 {max}개 있습니다. 하나가 끝날 때까지 기다리세요.',
  channel_unknown: '이 테넌트에는 해당 채널이 없습니다.',
  too_many_channels: '테넌트는 채널을 최대 {max}개까지 가질 수 있습니다. 먼저 하나를 삭제하세요.',
  channel_url_host:
    'hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)의 주소여야 합니다',
  channel_url_public:
    '공개 DNS 이름의 443 포트에 대한 https여야 하며 사용자 이름이나 비밀번호가 없어야 합니다',
  channel_url_invalid: '올바른 https URL이 아닙니다',
  channel_field_kind: '이 종류의 채널에서는 사용되지 않습니다',
  channel_not_webhook: '서명 비밀은 웹후크 채널에만 있습니다.',
  channel_key_missing:
    'Worker에 채널 주소를 봉인할 CONNECTOR_KEY 비밀이 없습니다. wrangler secret put CONNECTOR_KEY로 설정하세요.',
};
