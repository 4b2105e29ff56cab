CREATE TABLE "customer_event_periods" (
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"first_start" date NOT NULL,
	"starts" date[] NOT NULL,
	CONSTRAINT "customer_event_periods_workspace_id_name_period_customer_id_pk" PRIMARY KEY("workspace_id","name","period","customer_id")
);
--> statement-breakpoint
ALTER TABLE "customer_event_periods" ADD CONSTRAINT "customer_event_periods_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_event_periods_customer_idx" ON "customer_event_periods" USING btree ("workspace_id","customer_id");
