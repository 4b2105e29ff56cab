CREATE TABLE "customer_event_facts" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"name" text NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"events" integer NOT NULL,
	CONSTRAINT "customer_event_facts_workspace_id_customer_id_name_pk" PRIMARY KEY("workspace_id","customer_id","name")
);
--> statement-breakpoint
CREATE TABLE "customer_orders" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"order_key" text NOT NULL,
	"event_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"revenue" numeric,
	"discount" numeric,
	CONSTRAINT "customer_orders_workspace_id_customer_id_order_key_pk" PRIMARY KEY("workspace_id","customer_id","order_key")
);
--> statement-breakpoint
CREATE TABLE "subscription_spans" (
	"workspace_id" uuid NOT NULL,
	"customer_id" bigint NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"event_id" bigint NOT NULL,
	"valid_to" timestamp with time zone,
	"active" boolean NOT NULL,
	"mrr" numeric NOT NULL,
	"previous_mrr" numeric NOT NULL,
	"paid_before" boolean NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subscription_spans_workspace_id_customer_id_valid_from_event_id_pk" PRIMARY KEY("workspace_id","customer_id","valid_from","event_id")
);
--> statement-breakpoint
ALTER TABLE "customer_event_facts" ADD CONSTRAINT "customer_event_facts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_orders" ADD CONSTRAINT "customer_orders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_spans" ADD CONSTRAINT "subscription_spans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_event_facts_name_first_idx" ON "customer_event_facts" USING btree ("workspace_id","name","first_at");--> statement-breakpoint
CREATE INDEX "customer_orders_at_idx" ON "customer_orders" USING btree ("workspace_id","at");--> statement-breakpoint
CREATE INDEX "subscription_spans_valid_from_idx" ON "subscription_spans" USING btree ("workspace_id","valid_from");