-- A user for borderkg with SPARQL update rights, and SPARQL and Graph Store endpoints that take
-- HTTP basic authentication (Virtuoso's own /sparql-auth asks for digest).
DB.DBA.USER_CREATE('borderkg', 'borderkg-test');
GRANT SPARQL_UPDATE TO "borderkg";
DB.DBA.VHOST_DEFINE(lhost=>'*ini*', vhost=>'*ini*', lpath=>'/sparql-basic', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba', sec=>'basic', realm=>'SPARQL', auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', opts=>vector('noinherit', 1));
DB.DBA.VHOST_DEFINE(lhost=>'*ini*', vhost=>'*ini*', lpath=>'/sparql-graph-crud-basic', ppath=>'/!sparql-graph-crud/', is_dav=>1, vsp_user=>'dba', sec=>'basic', realm=>'SPARQL', auth_fn=>'DB.DBA.HP_AUTH_SPARQL_USER', opts=>vector('noinherit', 1, 'exec_as_get', 1));
