-- Certificates and validations of a capability: recomputing it and merging it read them by capability.
CREATE INDEX capability_certificates_capability ON capability_certificates (capability_id, status);
CREATE INDEX capability_validations_capability ON capability_validations (capability_id);
