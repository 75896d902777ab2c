"""Initial schema: plans, their item tree, units, periods, progress, attachments, audit.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-28 05:10:58.886659
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=100), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.CheckConstraint("action IN ('create', 'update', 'delete', 'move')", name=op.f('ck_audit_entry_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=50), nullable=False),
    sa.Column('symbol', sa.String(length=100), nullable=False),
    sa.Column('doc_type', sa.String(length=100), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('parent_body', sa.String(length=300), nullable=False),
    sa.Column('issuing_body', sa.String(length=300), nullable=False),
    sa.Column('place', sa.String(length=100), nullable=False),
    sa.Column('issue_date', sa.Date(), nullable=True),
    sa.Column('issue_date_text', sa.String(length=100), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('signer_name', sa.String(length=200), nullable=False),
    sa.Column('signer_authority', sa.String(length=200), nullable=False),
    sa.Column('signer_title', sa.String(length=200), nullable=False),
    sa.Column('legal_bases', sa.JSON(), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.Column('closing_text', sa.Text(), nullable=False),
    sa.Column('numbering_scheme', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'active', 'closed')", name=op.f('ck_plan_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan'))
    )
    op.create_table('unit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('name_key', sa.String(length=300), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=500), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit')),
    sa.UniqueConstraint('name_key', name=op.f('uq_unit_name_key'))
    )
    op.create_table('plan_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('lead_unit_id', sa.Integer(), nullable=True),
    sa.Column('responsible_person', sa.String(length=300), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('deadline_text', sa.String(length=300), nullable=False),
    sa.Column('deadline_kind', sa.String(length=20), nullable=True),
    sa.Column('deadline_start', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('expected_product', sa.Text(), nullable=False),
    sa.Column('indicator_target', sa.Float(), nullable=True),
    sa.Column('indicator_unit', sa.String(length=100), nullable=False),
    sa.Column('indicator_text', sa.Text(), nullable=False),
    sa.Column('is_breakthrough', sa.Boolean(), nullable=False),
    sa.Column('funding_source', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('section', 'task', 'text')", name=op.f('ck_plan_item_kind')),
    sa.ForeignKeyConstraint(['lead_unit_id'], ['unit.id'], name=op.f('fk_plan_item_lead_unit_id_unit'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['parent_id'], ['plan_item.id'], name=op.f('fk_plan_item_parent_id_plan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_item_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_item'))
    )
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.create_index('ix_plan_item_lead_unit', ['lead_unit_id'], unique=False)
        batch_op.create_index('ix_plan_item_plan_parent_position', ['plan_id', 'parent_id', 'position'], unique=False)

    op.create_table('reporting_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('cutoff_date', sa.Date(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('is_closed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("kind IN ('half_year', 'year', 'quarter', 'month', 'ad_hoc')", name=op.f('ck_reporting_period_kind')),
    sa.CheckConstraint('cutoff_date >= start_date', name=op.f('ck_reporting_period_range')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_reporting_period_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reporting_period'))
    )
    with op.batch_alter_table('reporting_period', schema=None) as batch_op:
        batch_op.create_index('ix_reporting_period_plan', ['plan_id'], unique=False)

    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=True),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('stored_path', sa.String(length=1000), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['plan_item.id'], name=op.f('fk_attachment_item_id_plan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_attachment_period_id_reporting_period'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index('ix_attachment_item', ['item_id'], unique=False)

    op.create_table('progress_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('period_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=True),
    sa.Column('result_text', sa.Text(), nullable=False),
    sa.Column('indicator_actual', sa.Float(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('reported_by', sa.String(length=300), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('source_file', sa.String(length=1000), nullable=False),
    sa.CheckConstraint("source IN ('manual', 'import')", name=op.f('ck_progress_entry_source')),
    sa.CheckConstraint("status IN ('not_started', 'in_progress', 'completed', 'paused', 'cancelled')", name=op.f('ck_progress_entry_status')),
    sa.CheckConstraint('percent IS NULL OR (percent BETWEEN 0 AND 100)', name=op.f('ck_progress_entry_percent')),
    sa.ForeignKeyConstraint(['item_id'], ['plan_item.id'], name=op.f('fk_progress_entry_item_id_plan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['period_id'], ['reporting_period.id'], name=op.f('fk_progress_entry_period_id_reporting_period'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_entry'))
    )
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.create_index('ix_progress_entry_item', ['item_id'], unique=False)
        batch_op.create_index('ix_progress_entry_period_item', ['period_id', 'item_id', 'recorded_at'], unique=False)

    op.create_table('task_coordinator',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['plan_item.id'], name=op.f('fk_task_coordinator_item_id_plan_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_task_coordinator_unit_id_unit'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('item_id', 'unit_id', name=op.f('pk_task_coordinator'))
    )
    with op.batch_alter_table('task_coordinator', schema=None) as batch_op:
        batch_op.create_index('ix_task_coordinator_unit', ['unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('task_coordinator', schema=None) as batch_op:
        batch_op.drop_index('ix_task_coordinator_unit')

    op.drop_table('task_coordinator')
    with op.batch_alter_table('progress_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_entry_period_item')
        batch_op.drop_index('ix_progress_entry_item')

    op.drop_table('progress_entry')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index('ix_attachment_item')

    op.drop_table('attachment')
    with op.batch_alter_table('reporting_period', schema=None) as batch_op:
        batch_op.drop_index('ix_reporting_period_plan')

    op.drop_table('reporting_period')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_index('ix_plan_item_plan_parent_position')
        batch_op.drop_index('ix_plan_item_lead_unit')

    op.drop_table('plan_item')
    op.drop_table('unit')
    op.drop_table('plan')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_entity')

    op.drop_table('audit_entry')
