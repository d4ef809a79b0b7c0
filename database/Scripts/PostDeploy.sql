/*
CpOrders post-deploy. Runs on every deploy, after every change to the model's objects. Idempotent: a second deploy
reports no changes.
  1. the database master key and CpOrders' certificates (protected by the master key, never by a password here);
  2. module signing and the Counterpoint side (certificate public part, one user, exact grants), from lists the build
     derives from the code (obj/generated/PostDeploy.CounterpointAccess.Data.sql, same batch);
  3. the symmetric key that protects each store's WooCommerce secret, and access to it for exactly the modules that
     use it (local signing certificate, private key removed);
  4. the schema version; 4b. no role keeps EXECUTE on an internal or DBA-only procedure (upgrades); 5. the jobs disabled by pre-deploy, and the pipeline lock;
  6. the install checks as the deploying sysadmin sees them, recorded for the health views (woo.InstallCheckRecord).
*/
:r ./PostDeploy/10.MasterKeyAndCertificates.sql
:r ../../obj/generated/PostDeploy.CounterpointAccess.Data.sql
:r ./PostDeploy/20.CounterpointAccess.sql
:r ./PostDeploy/30.SecretKey.sql
:r ./PostDeploy/35.SecretAccess.sql
:r ../../obj/generated/PostDeploy.Version.sql
:r ./PostDeploy/40.SchemaVersion.sql
:r ./PostDeploy/45.RevokeInternal.sql
:r ./PostDeploy/90.RestoreJobs.sql
:r ./PostDeploy/95.HealthRecord.sql
